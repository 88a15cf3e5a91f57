"""The board Markdown format: a small, strict subset of Markdown for 制度牌 and 展板 texts.

In:  the text of one board file (``examples/*/boards/*.md``) and its name, for messages.
Out: :class:`BoardText`: the title and a tuple of blocks (:class:`Heading`, :class:`Paragraph`,
     :class:`Article`, :class:`Item`), every text normalised by :mod:`signkit.text.normalize`
     (the changes made are kept in ``edits``, for the report).

The format, line by line:

* ``# 标题`` — the board title: exactly one, before anything else;
* ``## 小标题`` — a section heading;
* ``1. 条文`` — an article that keeps its number (label ``"1."``);
* ``- 事项`` — an item (label ``item_label``, default ``"•"``);
* anything else is paragraph text; blank lines separate paragraphs.  Consecutive lines of one
  paragraph (or article, or item) are joined without a space between Chinese characters and
  with one space between Latin words.

Every other Markdown construct is a :class:`~signkit.errors.ContentError` naming
``file:line``, what was found and how to fix it: ``###`` and deeper headings, emphasis
(``**`` ``*`` ``_``), code (`````), links and images, tables (``|``), block quotes (``>``),
HTML, ``1)`` lists, other bullets (``*`` ``+``), nested or indented lists, horizontal rules,
setext underlines, backslash escapes.  All problems of a file are reported together.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..errors import ContentError, Problem
from .normalize import Change, is_chinese, normalize_with_changes


@dataclass(frozen=True, slots=True)
class Heading:
    text: str
    line: int


@dataclass(frozen=True, slots=True)
class Paragraph:
    text: str
    line: int


@dataclass(frozen=True, slots=True)
class Article:
    label: str   # "1." as written
    text: str
    line: int


@dataclass(frozen=True, slots=True)
class Item:
    label: str   # the bullet to set, e.g. "•"
    text: str
    line: int


Block = Heading | Paragraph | Article | Item


@dataclass(frozen=True, slots=True)
class Edit:
    """A normalisation applied to the block (or title) that starts at ``line``."""

    line: int
    change: Change


@dataclass(frozen=True, slots=True)
class BoardText:
    file: str
    title: str
    title_line: int
    blocks: tuple[Block, ...]
    edits: tuple[Edit, ...] = ()


_HEADING = re.compile(r"(#+)(\s*)(.*)$")
_ARTICLE = re.compile(r"(\d{1,3}\.)(?:\s+(.*))?$")
_PAREN_LIST = re.compile(r"\d{1,3}\)(\s|$)")
_BULLET = re.compile(r"([-*+])(?:\s+(.*))?$")
_RULE = re.compile(r"([-*_])(\s*\1){2,}\s*$")
_SETEXT = re.compile(r"=+\s*$")

# (pattern, what was found, hint) for constructs inside a line
_INLINE = (
    (re.compile(r"\*\*|__"), "bold (** or __)",
     "remove the markers; the template decides how headings and text are set"),
    (re.compile(r"~~"), "strikethrough (~~)", "remove the ~~ markers"),
    (re.compile(r"(?<!\*)\*(?!\*)"), "emphasis (*…*)",
     "remove the *; write items as '- ', and a literal asterisk as ＊"),
    (re.compile(r"(?<![A-Za-z0-9])_[^_\s][^_]*_(?![A-Za-z0-9])"), "emphasis (_…_)",
     "remove the _ markers"),
    (re.compile(r"`"), "code (`)", "remove the backticks; boards have no code"),
    (re.compile(r"!\["), "image (![…](…))",
     "images are placed by the template, not the text; remove it"),
    (re.compile(r"\[[^\]]*\]\s*[(\[:]|\[\^"), "link or footnote ([…](…))",
     "write the address as plain text, e.g. www.example.gov.cn"),
    (re.compile(r"<(?:https?|ftp|mailto):[^>]*>"), "autolink (<…>)",
     "write the address as plain text without < >"),
    (re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>|<!--"), "HTML tag",
     "remove the tag; boards are plain text"),
    (re.compile(r"\|"), "table (|)",
     "boards have no tables; write each row as an item '- 名称：内容'"),
    (re.compile(r"\\[!-/:-@\[-`{-~]"), "backslash escape",
     "escapes are not supported; use the full-width character instead (＊ ＃ ［ …)"),
)


def parse_board(text: str, *, file: str, item_label: str = "•") -> BoardText:
    """Parse one board file; raises :class:`ContentError` listing every problem found."""
    parser = _Parser(file, item_label)
    for no, raw in enumerate(text.removeprefix("\ufeff").splitlines(), 1):
        parser.line(no, raw.rstrip())
    return parser.finish()


class _Parser:
    def __init__(self, file: str, item_label: str):
        self.file, self.item_label = file, item_label
        self.problems: list[Problem] = []
        self.title: tuple[str, int] | None = None
        self.seen_content = False
        self.blocks: list[Block] = []
        self.edits: list[Edit] = []
        self.open: tuple[str, str, int, list[str]] | None = None  # kind, label, line, parts

    def error(self, no: int, message: str, hint: str) -> None:
        self.problems.append(Problem(f"{self.file}:{no}", message, hint))

    def line(self, no: int, line: str) -> None:
        if not line.strip():
            self.flush()
            return
        body = line.lstrip(" \t")
        indent = len(line.expandtabs(4)) - len(body.expandtabs(4))
        if body.startswith("#"):
            self.heading(no, body)
        elif _RULE.match(body):
            self.error(no, "a horizontal rule is not part of the board format",
                       "separate sections with '## 小标题' instead")
        elif _SETEXT.match(body):
            self.error(no, "a setext heading underline (===) is not part of the board format",
                       "write the title as '# 标题'")
        elif body.startswith(">"):
            self.error(no, "a block quote (>) is not part of the board format", "remove the '>'")
        elif _PAREN_LIST.match(body):
            self.error(no, f"an ordered list with ')' ({body[:4]!r}) is not part of the board format",
                       "number articles as '1. ', '2. ' …")
        elif m := _ARTICLE.match(body):
            self.start_list(no, indent, "article", m.group(1), m.group(2))
        elif m := _BULLET.match(body):
            if m.group(1) != "-":
                self.error(no, f"the bullet '{m.group(1)}' is not part of the board format",
                           "write items as '- 事项'")
            self.start_list(no, indent, "item", self.item_label, m.group(2))
        elif body.startswith(("```", "~~~")):
            self.error(no, "a code block is not part of the board format", "remove the fence line")
        elif self.open is not None:
            self.inline(no, body)
            self.open[3].append(body)            # a continuation line
        elif indent >= 4:
            self.error(no, "an indented line (a code block in Markdown) is not part of the board format",
                       "remove the indentation: paragraphs are indented by the layout")
        else:
            self.inline(no, body)
            self.begin(no, "paragraph", "", body)

    def inline(self, no: int, words: str) -> None:
        """Report Markdown constructs inside the text of a line."""
        for pattern, found, hint in _INLINE:
            if pattern.search(words):
                self.error(no, f"Markdown {found} is not part of the board format", hint)

    def heading(self, no: int, body: str) -> None:
        m = _HEADING.match(body)
        level, space, words = len(m.group(1)), m.group(2), m.group(3).strip().rstrip("#").strip()
        self.flush()
        self.inline(no, words)
        if level > 2:
            self.error(no, f"a level-{level} heading ({'#' * level}) is not part of the board format",
                       "boards have one title '# ' and section headings '## '")
        elif not space or not words:
            self.error(no, f"'{'#' * level}' must be followed by a space and the heading text",
                       f"write '{'#' * level} 标题'")
        elif level == 1:
            if self.title is not None:
                self.error(no, f"a second title (the first is at line {self.title[1]})",
                           "a board has exactly one '# ' title; use '## ' for sections")
            elif self.seen_content:
                self.error(no, "the title must come first", "move the '# ' line to the top of the file")
            else:
                self.title = (self.normal(words, no), no)
        else:
            self.blocks.append(Heading(self.normal(words, no), no))
        self.seen_content = True

    def start_list(self, no: int, indent: int, kind: str, label: str, words: str | None) -> None:
        if indent:
            self.error(no, "an indented (nested) list is not part of the board format",
                       "start every article or item at the beginning of the line; boards have one level")
        if not words or not words.strip():
            self.error(no, f"an empty {kind}", f"write the {kind}'s text after '{label}'")
        else:
            self.inline(no, words)
        self.flush()
        self.begin(no, kind, label, (words or "").strip())

    def begin(self, no: int, kind: str, label: str, words: str) -> None:
        if self.title is None and not self.seen_content:
            self.error(no, "the board text must start with its title",
                       "add a first line '# 标题'")
        self.seen_content = True
        self.open = (kind, label, no, [words])

    def flush(self) -> None:
        if self.open is None:
            return
        kind, label, no, parts = self.open
        self.open = None
        words = self.normal(_join(parts), no)
        if not words:
            return
        if kind == "paragraph":
            self.blocks.append(Paragraph(words, no))
        elif kind == "article":
            self.blocks.append(Article(label, words, no))
        else:
            self.blocks.append(Item(label, words, no))

    def normal(self, words: str, no: int) -> str:
        out, changes = normalize_with_changes(words)
        self.edits.extend(Edit(no, c) for c in changes)
        return out

    def finish(self) -> BoardText:
        self.flush()
        if self.title is None and not any(p.message.startswith("the board text must start")
                                          for p in self.problems):
            self.error(1, "the board text has no title", "add a first line '# 标题'")
        if self.problems:
            raise ContentError(self.problems)
        return BoardText(self.file, self.title[0], self.title[1], tuple(self.blocks), tuple(self.edits))


def _join(parts: list[str]) -> str:
    """Join the lines of one paragraph: no space between Chinese, one between Latin words."""
    out = parts[0].strip()
    for part in parts[1:]:
        part = part.strip()
        if out and part and not is_chinese(out[-1]) and not is_chinese(part[0]):
            out += " "
        out += part
    return out
