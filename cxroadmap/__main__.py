"""Allows `python -m cxroadmap`, the same as the `cxroadmap` console script."""

import sys

from cxroadmap.app import main

sys.exit(main())
