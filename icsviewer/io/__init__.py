"""Reading, validating and writing chart files. Pure Python; no Qt."""
