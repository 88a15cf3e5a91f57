"""The board Markdown format: a small, strict subset of Markdown for 制度牌 and 展板 texts.

In:  the text of one board file (``examples/*/boards/*.md``) and its name, for messages.
Out: :class:`BoardText`: the title and a tuple of blocks (:class:`Heading`, :class:`Paragraph`,
     :class:`Article`, :class:`Item`, and in legal mode :class:`Chapter`, :class:`Section`,
     :class:`LegalArticle`, :class:`Clause`, :class:`LegalItem`; :class:`Note` in both), every
     text normalised by :mod:`signkit.text.normalize` with the board's house style (the
     changes made are kept in ``edits``, for the report).

The format, line by line:

* ``# 标题`` — the board title: exactly one, before anything else;
* ``## 小标题`` — a section heading;
* ``1. 条文`` — an article that keeps its number (label ``"1."``);
* ``- 事项`` — an item (label ``item_label``, default the house style's bullet ``●``);
* anything else is paragraph text; blank lines separate paragraphs.  Consecutive lines of one
  paragraph (or article, or item) are joined without a space between Chinese characters and
  with one space between Latin words.
* a paragraph right under the title that is wholly in brackets, ``（2019年1月10日中共中央印发）``,
  is the adoption history: a :class:`Note`.

**Legal-text mode** (laws, 条例, 章程, 村规民约 written article by article).  The Markdown
stays plain; the structure is recognised by pattern:

* ``## 第一章 总则`` → :class:`Chapter` (label 第一章, title 总则: set centred, with its own
  spacing); ``## 第一节 …`` → :class:`Section`; other ``##`` headings stay :class:`Heading`;
* a line starting ``第二条`` (with or without a space after it) → :class:`LegalArticle`: its
  ``label`` 第二条 (set in 黑体, run-in or hanging) and ``body``; ``text`` is the run-in form
  ``第二条　正文`` with one ideographic space, as laws are printed;
* the following paragraphs of an article → :class:`Clause` (款), each knowing its article;
* lines starting ``（一）`` … → :class:`LegalItem` (项, set with tighter spacing).

**Placeholders.** ``{hotline}``, ``{village}``, ``{township}``, ``{county}`` and ``{centre}``
(``{center}``) stand for the profile's values (``center.hotline`` …), filled in before the
line is read, so the value is normalised like the text around it.  An unknown name, or a
value the profile leaves out, is an error naming ``file:line``.

In legal mode an article or item line starts a new block even without a blank line before it.
The mode is detected: a board is legal when a line starts with 第…条 or a ``##`` heading with
第…章.  A first line ``<!-- legal -->`` or ``<!-- plain -->`` (also ``<!-- mode: legal -->``)
overrides the detection for that board; the ``mode=`` argument of :func:`parse_board`
overrides both.  That comment is the only HTML allowed, and only as the file's first line.

Every other Markdown construct is a :class:`~signkit.errors.ContentError` naming
``file:line``, what was found and how to fix it: ``###`` and deeper headings, emphasis
(``**`` ``*`` ``_``), code (`````), links and images, tables (``|``), block quotes (``>``),
HTML, ``1)`` lists, other bullets (``*`` ``+``), nested or indented lists, horizontal rules,
setext underlines, backslash escapes.  All problems of a file are reported together.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping
from dataclasses import dataclass

from ..errors import ContentError, Problem
from ..i18n import _
from .normalize import Change, is_chinese, normalize_with_changes
from .style import HouseStyle, resolve


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


@dataclass(frozen=True, slots=True)
class Chapter(Heading):
    """``## 第一章 总则``: ``text`` is ``label + "\u3000" + title``."""

    label: str = ""   # 第一章
    title: str = ""   # 总则


@dataclass(frozen=True, slots=True)
class Section(Heading):
    """``## 第一节 …`` inside a chapter."""

    label: str = ""
    title: str = ""


@dataclass(frozen=True, slots=True)
class LegalArticle(Paragraph):
    """``第二条 …``: ``text`` is the run-in form ``label + "\u3000" + body``."""

    label: str = ""   # 第二条
    body: str = ""


@dataclass(frozen=True, slots=True)
class Clause(Paragraph):
    """A further paragraph (款) of the article ``article``."""

    article: str = ""


@dataclass(frozen=True, slots=True)
class LegalItem(Paragraph):
    """``（一）…`` (项): ``text`` is ``label + body``, as printed."""

    label: str = ""   # （一）
    body: str = ""
    article: str = ""


@dataclass(frozen=True, slots=True)
class Note(Paragraph):
    """The adoption history in brackets under the title: ``（2019年1月10日中共中央印发）``."""


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
    mode: str = "plain"   # "legal" when the legal structure was recognised or asked for


_HEADING = re.compile(r"(#+)(\s*)(.*)$")
_ARTICLE = re.compile(r"(\d{1,3}\.)(?:\s+(.*))?$")
_PAREN_LIST = re.compile(r"\d{1,3}\)(\s|$)")
_BULLET = re.compile(r"([-*+])(?:\s+(.*))?$")
_RULE = re.compile(r"([-*_])(\s*\1){2,}\s*$")
_SETEXT = re.compile(r"=+\s*$")
_NUM = "零〇一二三四五六七八九十百千两"
_LEGAL_ARTICLE = re.compile(rf"(第[{_NUM}]+条(?:之[{_NUM}]+)?)[\s\u3000]*(.*)$")
_LEGAL_ITEM = re.compile(rf"([（(][{_NUM}]+[）)])[\s\u3000]*(.*)$")
_LEGAL_HEADING = re.compile(rf"(第[{_NUM}]+([章节]))[\s\u3000]*(.*)$")
_MODE_LINE = re.compile(r"<!--\s*(?:mode:\s*)?([A-Za-z]+)\s*-->$")
MODES = ("legal", "plain")

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


PLACEHOLDERS = ("hotline", "village", "township", "county", "centre", "center")
_PLACEHOLDER = re.compile(r"\{([A-Za-z_]+)\}")


def parse_board(text: str, *, file: str, item_label: str | None = None, style: HouseStyle | None = None,
                mode: str | None = None, values: Mapping[str, str | None] | None = None) -> BoardText:
    """Parse one board file; raises :class:`ContentError` listing every problem found.

    ``item_label`` defaults to the house style's bullet; ``mode`` ("legal" or "plain")
    overrides the file's mode line and the detection; ``values`` fill the placeholders
    (``{hotline}`` …; None: placeholders are left as written)."""
    style = resolve(style)
    lines = text.removeprefix("\ufeff").splitlines()
    problems: list[Problem] = []
    if values is not None:
        lines = [_fill(line, no, values, file, problems) for no, line in enumerate(lines, 1)]
    declared, mode_problems = _mode_line(lines, file)
    problems += mode_problems
    if mode is not None and mode not in MODES:
        raise ValueError(f"mode must be one of {MODES}, not {mode!r}")
    chosen = mode or declared or ("legal" if _looks_legal(lines) else "plain")
    parser = _Parser(file, style.bullet if item_label is None else item_label, style, chosen == "legal")
    parser.problems.extend(problems)
    skip_first = declared is not None or bool(mode_problems)   # the mode line is not content
    for no, raw in enumerate(lines, 1):
        if not (no == 1 and skip_first):
            parser.line(no, raw.rstrip())
    return parser.finish()


def _fill(line: str, no: int, values: Mapping[str, str | None], file: str, problems: list[Problem]) -> str:
    """``line`` with its placeholders replaced by the profile's values."""

    def value(m: re.Match) -> str:
        name = m.group(1)
        if name not in PLACEHOLDERS:
            close = difflib.get_close_matches(name, PLACEHOLDERS, n=1)
            problems.append(Problem(f"{file}:{no}", _("unknown placeholder {{{name}}}").format(name=name),
                                    _("did you mean {{{close}}}?").format(close=close[0]) if close else
                                    _("placeholders: {names}").format(names=", ".join(f"{{{p}}}" for p in PLACEHOLDERS))))
            return m.group(0)
        filled = values.get(name)
        if not filled:
            key = "center.name" if name in ("centre", "center") else f"center.{name}"
            problems.append(Problem(f"{file}:{no}", _("{{{name}}} is used but the profile has no {key}").format(
                name=name, key=key), _("add {key} to the profile, or write the text itself").format(key=key)))
            return m.group(0)
        return filled

    return _PLACEHOLDER.sub(value, line)


def _mode_line(lines: list[str], file: str) -> tuple[str | None, list[Problem]]:
    """The mode a first line ``<!-- legal -->`` declares (and problems with it)."""
    first = lines[0].strip() if lines else ""
    m = _MODE_LINE.match(first)
    if not m:
        return None, []
    if m.group(1).lower() not in MODES:
        return None, [Problem(f"{file}:1", f"unknown board mode {m.group(1)!r}",
                              "write '<!-- legal -->' or '<!-- plain -->' as the first line")]
    return m.group(1).lower(), []


def _looks_legal(lines: list[str]) -> bool:
    for raw in lines:
        body = raw.strip()
        if _LEGAL_ARTICLE.match(body):
            return True
        if body.startswith("##") and _LEGAL_HEADING.match(body.lstrip("#").strip() or " "):
            return True
    return False


class _Parser:
    def __init__(self, file: str, item_label: str, style: HouseStyle, legal: bool):
        self.file, self.item_label, self.style, self.legal = file, item_label, style, legal
        self.article = ""   # the label of the article the following paragraphs belong to
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
        elif self.legal and not indent and (m := _LEGAL_ARTICLE.match(body)):
            self.inline(no, body)
            self.flush()
            self.begin(no, "legal-article", m.group(1), m.group(2).strip())
        elif self.legal and not indent and (m := _LEGAL_ITEM.match(body)):
            self.inline(no, body)
            self.flush()
            self.begin(no, "legal-item", m.group(1), m.group(2).strip())
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
            m = _LEGAL_HEADING.match(words) if self.legal else None
            if m and m.group(3).strip():
                label, title = self.normal(m.group(1), no), self.normal(m.group(3), no)
                kind = Chapter if m.group(2) == "章" else Section
                self.blocks.append(kind(f"{label}\u3000{title}", no, label, title))
                self.article = ""
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
        if kind == "legal-article":
            self.article = label
            self.blocks.append(LegalArticle(f"{label}\u3000{words}" if words else label, no, label, words))
            return
        if not words:
            return
        if kind == "legal-item":
            label = self.normal(label, no)
            self.blocks.append(LegalItem(label + words, no, label, words, self.article))
            return
        if kind == "paragraph" and _is_note(words) and not self.blocks and self.title is not None:
            self.blocks.append(Note(words, no))
        elif kind == "paragraph" and self.legal and self.article:
            self.blocks.append(Clause(words, no, self.article))
        elif kind == "paragraph":
            self.blocks.append(Paragraph(words, no))
        elif kind == "article":
            self.blocks.append(Article(label, words, no))
        else:
            self.blocks.append(Item(label, words, no))

    def normal(self, words: str, no: int) -> str:
        out, changes = normalize_with_changes(words, style=self.style)
        self.edits.extend(Edit(no, c) for c in changes)
        return out

    def finish(self) -> BoardText:
        self.flush()
        if self.title is None and not any(p.message.startswith("the board text must start")
                                          for p in self.problems):
            self.error(1, "the board text has no title", "add a first line '# 标题'")
        if self.problems:
            raise ContentError(self.problems)
        return BoardText(self.file, self.title[0], self.title[1], tuple(self.blocks), tuple(self.edits),
                         "legal" if self.legal else "plain")


def _is_note(words: str) -> bool:
    """Wholly in one pair of brackets: （2019年1月10日中共中央印发）."""
    return (len(words) > 2 and words[0] == "（" and words[-1] == "）"
            and words.count("（") == words.count("）") and _closes_at_end(words))


def _closes_at_end(words: str) -> bool:
    depth = 0
    for i, ch in enumerate(words):
        depth += ch == "（"
        depth -= ch == "）"
        if depth == 0 and i < len(words) - 1:
            return False
    return True


def _join(parts: list[str]) -> str:
    """Join the lines of one paragraph: no space between Chinese, one between Latin words."""
    out = parts[0].strip()
    for part in parts[1:]:
        part = part.strip()
        if out and part and not is_chinese(out[-1]) and not is_chinese(part[0]):
            out += " "
        out += part
    return out
