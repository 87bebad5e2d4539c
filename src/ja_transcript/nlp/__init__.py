"""Tokenization: SudachiPy morphemes, and the same analysis as a spaCy tokenizer."""

from .analyzer import Analyzer, Morpheme, get_analyzer

__all__ = ["Analyzer", "Morpheme", "get_analyzer"]
