"""Text to a parsed spaCy Doc: offset-keeping cleaning and the spaCy pipeline with its phrase ruler."""
