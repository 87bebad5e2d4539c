"""Cleaned text for corpora: the corrected, de-duplicated speech, one sentence a line."""

from __future__ import annotations

from typing import Any, Mapping

from ..model import Document


def _get(doc: Document | Mapping[str, Any], name: str, default: Any) -> Any:
    return getattr(doc, name, default) if isinstance(doc, Document) else doc.get(name, default)


def cleaned_text(doc: Document | Mapping[str, Any]) -> str:
    """The document's `cleaned_text` as a text file: a final newline, and "" when there is no text.

    >>> from ja_transcript.model import Document, Source
    >>> src = Source(path="a.txt", sha256="0", format="txt")
    >>> cleaned_text(Document(source=src, lines=[], cleaned_text="はい。\\nそうです。"))
    'はい。\\nそうです。\\n'
    >>> cleaned_text(Document(source=src, lines=[]))
    ''
    """
    text = _get(doc, "cleaned_text", "") or ""
    return text if not text or text.endswith("\n") else text + "\n"


def corpus_lines(doc: Document | Mapping[str, Any]) -> list[str]:
    """One sentence per item with nothing else: no blank items, no line breaks or edge spaces inside.

    Title and headings are not sentences, so they are not here either.

    >>> from ja_transcript.model import Document, Sentence, Source
    >>> doc = Document(source=Source(path="a.txt", sha256="0", format="txt"), lines=[],
    ...                sentences=[Sentence(id=0, text=" はい。", lines=[1]), Sentence(id=1, text="", lines=[2])])
    >>> corpus_lines(doc)
    ['はい。']
    """
    out = []
    for sentence in _get(doc, "sentences", []) or []:
        text = sentence.text if hasattr(sentence, "text") else sentence.get("text", "")
        text = " ".join(part.strip() for part in text.splitlines() if part.strip()).strip()
        if text:
            out.append(text)
    return out
