"""The app's customer-experience views: touchpoints, the touchpoint matrix, measures, alignment."""
