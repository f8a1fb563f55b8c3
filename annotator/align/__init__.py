"""Sentence segmentation and automatic sentence alignment: pure functions over strings and lists."""

from annotator.align.aligner import align, gale_church
from annotator.align.segment import paragraph_starts, split_sentences

__all__ = ["align", "gale_church", "paragraph_starts", "split_sentences"]
