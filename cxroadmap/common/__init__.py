"""What several layers share: resources, labels, colours, one atomic write."""
