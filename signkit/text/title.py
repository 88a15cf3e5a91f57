"""Board titles: one line, or two balanced lines broken at a word boundary, fitted to a frame.

In:  a face, the title text (normalised), a :class:`TitleSpec` (frame in mm, the smallest and
     largest character height allowed, the line pitch for two lines) and the house style.
Out: :func:`break_title` → :class:`TitleBreak` (the lines and their natural widths in em);
     :func:`set_title` → :class:`SetTitle`: the chosen size, the lines with positioned glyphs
     in sheet mm, a :class:`~signkit.ir.TextFit`, and whether it fits.

The rules (issue 11; GB/T 9704 §7.3.1: a title that wraps keeps its words whole and its lines
balanced, 梯形 or 菱形):

* widths are shaped widths with punctuation compressed as in the body (“三会一课”制度, ）（),
  an opening mark at a line start and a mark at a line end at ½ em — measured by
  :func:`~signkit.text.paragraph.set_paragraph` itself, so measuring and drawing agree;
* a break is only where a body line could break (never inside a number, a Latin word,
  a standard designation), never inside a word of the title lexicon below (中华人民共和国,
  村民委员会, 组织法 …), and costs: the imbalance of the two lines, plus a penalty for a break
  between two characters that are not known word ends, inside brackets or quotes, after a
  function word (的, 与, 和, 及: it belongs with what follows), and a small one when the first
  line is the longer (上短下长 is preferred); a break after the
  issuer (中华人民共和国, 中国共产党) or before the bracketed note earns a bonus;
* :func:`set_title` takes the largest size (within the character heights) at which the
  title fits the frame on one line; failing that, on two balanced lines; failing that, it
  sets two lines at the smallest size and reports ``fits=False`` (an overflow finding, never
  a clipped title).  Lines are centred, the block centred vertically on its ink.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..ir import PlacedGlyph, Rect, TextFit
from .breaking import CLOSE, OPEN, find_breaks
from .fonts import Face
from .line import ink_extent
from .paragraph import set_paragraph
from .shape import shape
from .style import HouseStyle, resolve

# Words a title line must not split: issuers, bodies, document kinds, common title words.
TITLE_WORDS = frozenset((
    "中华人民共和国", "中国共产党", "全国人民代表大会", "常务委员会", "村民委员会", "居民委员会", "村务监督委员会",
    "党群服务中心", "便民服务中心", "新时代文明实践站", "新时代文明实践", "综合服务站", "服务站", "服务中心",
    "组织法", "农村基层组织", "基层党组织", "基层组织", "工作条例", "条例", "管理制度", "工作制度", "议事规则", "服务指南", "工作职责", "办事指南", "章程", "村规民约", "居民公约", "制度", "规定", "办法", "细则", "准则",
    "守则", "公约", "职责", "流程", "程序", "指南", "须知", "标准", "决定", "通知", "规则", "规范",
    "服务", "管理", "工作", "基层", "组织", "农村", "党组织", "党支部", "党委", "村务", "公开", "监督", "委员会",
    "便民", "议事", "决策", "民主", "选举", "实施", "人民", "代表", "党员", "活动", "三会一课", "主题党日",
    "志愿服务", "网格化", "综合治理", "调解", "乡村振兴", "新时代", "重大事项", "村级", "干部", "学习", "教育",
    "村民", "自治", "法治", "德治", "文明", "实践", "乡村", "治理", "党建", "引领", "经济", "合作社", "集体",
    "财务", "档案", "会议", "发展", "建设", "安全", "卫生", "环境", "应急", "救助", "养老", "医疗", "保障",
    # room, window and area names (door plates, window and zone signs break on them too)
    "青少年", "老年人", "残疾人", "退役军人", "妇女儿童", "儿童", "志愿者", "课外", "阅读", "阅览", "科普", "图书",
    "书屋", "农家书屋", "活动区", "活动室", "阅览室", "会议室", "工作室", "工作站", "调解室", "卫生室", "之家", "驿站",
    "大厅", "窗口", "综合", "不动产", "宅基地", "审批", "社会保障", "保险", "民政", "社保",
    "医保", "户籍", "就业", "创业", "土地", "股份", "专业", "联合社", "承包", "流转", "登记", "办理", "咨询", "受理",
    "健身", "文体", "娱乐", "科技", "电商", "物流", "网格", "平安", "法律", "援助", "心理", "健康", "计划生育",
    "农业", "农技", "生产", "生活", "垃圾分类", "人居环境", "公共", "设施", "警务", "金融", "邮政",
))
FUNCTION_WORDS = "的与和及之暨"  # a line should not end on one (它们连接下文)
_MAX_WORD = max(map(len, TITLE_WORDS))
ISSUERS = ("中华人民共和国", "中国共产党")
_UNKNOWN_PENALTY = 0.25     # a break between two characters of no known word
_INSIDE_PAIR_PENALTY = 0.6  # a break inside brackets or quotes
_LONG_FIRST_PENALTY = 0.04  # the first line is the longer one
_ISSUER_BONUS = 0.15        # a break right after the issuer
_FUNCTION_END_PENALTY = 0.1  # a line ending on 的 / 与 / 和 …: the word belongs with what follows


@dataclass(frozen=True, slots=True)
class TitleSpec:
    frame: Rect
    min_char_height_mm: float
    max_char_height_mm: float
    leading: float = 1.3   # baseline-to-baseline distance of two lines ÷ size (em)


@dataclass(frozen=True, slots=True)
class TitleBreak:
    lines: tuple[str, ...]          # one or two lines; "".join(lines) is the title
    widths_em: tuple[float, ...]    # natural width of each line, em
    cost: float                     # 0 for one line; the break's cost otherwise (see module doc)

    @property
    def width_em(self) -> float:
        return max(self.widths_em, default=0.0)


@dataclass(frozen=True, slots=True)
class TitleLine:
    text: str
    glyphs: tuple[PlacedGlyph, ...]   # sheet mm; clusters index this line's text
    x_mm: float                       # left end of the line's set width
    baseline_mm: float
    width_mm: float


@dataclass(frozen=True, slots=True)
class SetTitle:
    size_mm: float
    lines: tuple[TitleLine, ...]
    fit: TextFit

    @property
    def fits(self) -> bool:
        return self.fit.fits


def break_title(face: Face, text: str, *, max_lines: int = 2, style: HouseStyle | None = None) -> TitleBreak:
    """The title on one line (``max_lines=1``, or when it cannot break), or the best
    balanced two-line break at a word boundary."""
    return _break(face, text, max_lines, resolve(style))


@lru_cache(maxsize=512)
def _break(face: Face, text: str, max_lines: int, style: HouseStyle) -> TitleBreak:
    whole = TitleBreak((text,), (_width_em(face, text, style),), 0.0)
    if max_lines < 2 or len(text) < 2:
        return whole
    best = None
    for i, penalty in _candidates(text):
        w1, w2 = _width_em(face, text[:i], style), _width_em(face, text[i:], style)
        cost = abs(w1 - w2) / (w1 + w2) + penalty + (_LONG_FIRST_PENALTY if w1 > w2 else 0.0)
        if best is None or cost < best.cost - 1e-9:
            best = TitleBreak((text[:i], text[i:]), (w1, w2), cost)
    return best or whole


def set_title(face: Face, text: str, spec: TitleSpec, *, style: HouseStyle | None = None) -> SetTitle:
    """The title set at the largest size that fits ``spec.frame`` on one line, else on two."""
    style = resolve(style)
    upem = face.units_per_em
    tallest, lo, hi = ink_extent(face, shape(face, text))
    ratio = tallest / upem                     # character height per mm of size
    ink_em = (hi - lo) / upem
    frame = spec.frame
    largest, smallest = spec.max_char_height_mm / ratio, spec.min_char_height_mm / ratio

    def size_for(brk: TitleBreak) -> float:
        height_em = ink_em + spec.leading * (len(brk.lines) - 1)
        return min(largest, frame.width / brk.width_em if brk.width_em else largest,
                   frame.height / height_em if height_em else largest)

    one = _break(face, text, 1, style)
    chosen, size = one, size_for(one)
    if size < smallest * (1 - 1e-9):
        two = _break(face, text, 2, style)
        chosen, size = two, size_for(two)
    fits = size >= smallest * (1 - 1e-9)
    if not fits:
        size = smallest
    scale = size / upem
    pitch = spec.leading * size
    block = ink_em * size + pitch * (len(chosen.lines) - 1)
    first_baseline = frame.y + (frame.height - block) / 2 + hi * scale
    lines = []
    for n, (part, width_em) in enumerate(zip(chosen.lines, chosen.widths_em)):
        width = width_em * size
        x = frame.x + (frame.width - width) / 2
        baseline = first_baseline + n * pitch
        sp = _set(face, part, size, style)
        glyphs = tuple(PlacedGlyph(g.gid, x + g.x, baseline + g.y, g.cluster) for g in sp.lines[0].glyphs)
        lines.append(TitleLine(part, glyphs, x, baseline, width))
    fit = TextFit(frame=frame, char_height_mm=ratio * size, min_char_height_mm=spec.min_char_height_mm,
                  max_char_height_mm=spec.max_char_height_mm, tracking_mm=0.0, fits=fits, lines=len(lines))
    return SetTitle(size, tuple(lines), fit)


def _set(face: Face, text: str, size_mm: float, style: HouseStyle):
    """``text`` as one unjustified line: compression, line-start and line-end rules applied."""
    return set_paragraph(face, text, size_mm=size_mm, width_mm=size_mm * (len(text) * 2 + 4), justify=False,
                         line_end="always", avoid_orphans=False, style=style)


def _width_em(face: Face, text: str, style: HouseStyle) -> float:
    if not text:
        return 0.0
    return _set(face, text, 1.0, style).lines[0].width_mm


def _candidates(text: str):
    """(index, penalty) of every allowed break that is not inside a title word."""
    breaks = find_breaks(text)
    words = _segment(text)
    inside = set()
    ends = {0, len(text)}
    for start, end, known in words:
        ends.update((start, end))
        if known:
            inside.update(range(start + 1, end))
    depth = [0] * (len(text) + 1)
    for i, ch in enumerate(text):
        depth[i + 1] = depth[i] + (ch in OPEN) - (ch in CLOSE)
    for i in range(1, len(text)):
        if not breaks.allowed[i] or i in inside:
            continue
        penalty = 0.0
        known_left = any(end == i and known for _, end, known in words)
        known_right = any(start == i and known for start, _, known in words)
        if not (known_left or known_right or text[i - 1] in CLOSE or text[i] in OPEN):
            penalty += _UNKNOWN_PENALTY
        if depth[i] > 0:
            penalty += _INSIDE_PAIR_PENALTY
        if text[i - 1] in FUNCTION_WORDS:
            penalty += _FUNCTION_END_PENALTY
        if text[:i].endswith(ISSUERS):
            penalty -= _ISSUER_BONUS
        yield i, penalty


def _segment(text: str) -> list[tuple[int, int, bool]]:
    """Forward maximum matching against :data:`TITLE_WORDS`: (start, end, known word)."""
    out, i = [], 0
    while i < len(text):
        for size in range(min(_MAX_WORD, len(text) - i), 1, -1):
            if text[i:i + size] in TITLE_WORDS:
                out.append((i, i + size, True))
                i += size
                break
        else:
            out.append((i, i + 1, False))
            i += 1
    return out
