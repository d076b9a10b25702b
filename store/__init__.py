"""Where files live: the content-addressed raw PDF store and the published datasets."""
