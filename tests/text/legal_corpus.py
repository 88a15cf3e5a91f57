"""A corpus of real rule-board texts for the issue 11 tests: laws, 条例, 村规民约, 章程, a
standard's foreword; each paragraph with its source (title, issuing body, article, date).

``LEGAL_CASES`` are real public texts, as published (reprints in traditional characters were
converted to simplified ones; nothing else changed).  ``ISSUE_CASES`` are written for issue 11
from its bug report (a service-hours board, a paragraph dense with standard numbers) and are
*typed* texts: the tests normalise them first, as the board Markdown parser does.  They are
not counted among the real paragraphs.

Every case is a paragraph as the board Markdown parser gives it (a legal article run in:
``第二条　正文``), with ``label``/``body`` when it has an article or item label.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from signkit.text.markdown import Chapter, LegalArticle, LegalItem, Note, Section, parse_board


@dataclass(frozen=True)
class Case:
    id: str
    text: str
    source: str
    label: str = ""
    body: str = ""


LAW_FILE = Path(__file__).parent / "data" / "village-committee-law.md"
LAW = ("《中华人民共和国村民委员会组织法》，全国人民代表大会常务委员会，1998年11月4日通过、"
       "2010年10月28日修订、2018年12月29日修正")


def _law_cases() -> tuple[Case, ...]:
    board = parse_board(LAW_FILE.read_text(encoding="utf-8"), file=LAW_FILE.name)
    out, article, n = [], "", 0
    for block in board.blocks:
        if isinstance(block, (Chapter, Section)):
            continue
        if isinstance(block, LegalArticle):
            article, n = block.label, 1
        elif not isinstance(block, Note):
            n += 1
        where = "题注" if isinstance(block, Note) else f"{article}第{n}段"
        label = getattr(block, "label", "") if isinstance(block, (LegalArticle, LegalItem)) else ""
        body = getattr(block, "body", "") if label else ""
        out.append(Case(f"law-{len(out) + 1:02d}", block.text, f"{LAW}，{where}", label, body))
    return tuple(out)


_RURAL_ORG = "《中国共产党农村基层组织工作条例》，中共中央，2019年1月印发"
_RURAL_WORK = "《中国共产党农村工作条例》，中共中央，2019年8月印发"
_GB15834 = "GB/T 15834—2011《标点符号用法》前言，国家质量监督检验检疫总局、国家标准化管理委员会，2011年12月30日发布"
_SHANBAI = "《石城县琴江镇杉柏村村规民约》，杉柏村村民委员会（江西省赣州市石城县），2022年3月公布"
_ZHONGYANG = "《中阳村村规民约》，中阳村村民委员会（山西省晋中市太谷县胡村镇）"
_FANJIAZHUANG = "《范家庄村村民自治章程》，范家庄村村民委员会（河南省），2024年9月转载"

OTHER_CASES = (
    Case("rural-org-05", "第五条\u3000乡镇应当设立党的基层委员会。乡镇党委每届任期5年，由党员大会或者党员代表大会选举产生。",
         f"{_RURAL_ORG}，第五条", "第五条", "乡镇应当设立党的基层委员会。乡镇党委每届任期5年，由党员大会或者党员代表大会选举产生。"),
    Case("rural-org-06", "第六条\u3000以村为基本单元设置党组织。有正式党员3人以上的村，应当成立党支部；不足3人的，可以与邻近村联合成立党支部。"
         "党员人数超过50人的村，或者党员人数虽不足50人、确因工作需要的村，可以成立党的总支部。党员人数100人以上的村，根据工作需要，"
         "经县级地方党委批准，可以成立党的基层委员会，下设若干党支部；村党的委员会受乡镇党委领导。村党的委员会、总支部委员会、"
         "支部委员会每届任期5年，由党员大会选举产生。党员人数500人以上的村党的委员会，经乡镇党委批准，可以由党员代表大会选举产生。",
         f"{_RURAL_ORG}，第六条"),
    Case("rural-org-06-2", "县以上有关部门驻乡镇的单位，应当根据党员人数和工作需要成立党的基层组织。这些党组织，"
         "除党中央另有规定的以外，受乡镇党委领导。", f"{_RURAL_ORG}，第六条第2款"),
    Case("rural-org-07", "第七条\u3000农村经济组织、社会组织具备单独成立党组织条件的，根据工作需要，可以成立党组织，一般由所在村党组织"
         "或者乡镇党委领导。在跨村跨乡镇的经济组织、社会组织中成立的党组织，由批准其成立的上级党组织或者县级党委组织部门确定"
         "隶属关系。村改社区应当同步调整或者成立党组织。村及以下成立或者撤销党组织，必须经乡镇党委或者以上党组织批准。",
         f"{_RURAL_ORG}，第七条"),
    Case("rural-work-01", "第一条\u3000为了坚持和加强党对农村工作的全面领导，贯彻党的基本理论、基本路线、基本方略，深入实施乡村振兴战略，"
         "提高新时代党全面领导农村工作的能力和水平，根据《中国共产党章程》，制定本条例。", f"{_RURAL_WORK}，第一条"),
    Case("rural-work-02", "第二条\u3000党的农村工作必须高举中国特色社会主义伟大旗帜，坚持以马克思列宁主义、毛泽东思想、邓小平理论、"
         "“三个代表”重要思想、科学发展观、习近平新时代中国特色社会主义思想为指导，增强政治意识、大局意识、核心意识、看齐意识，"
         "坚定道路自信、理论自信、制度自信、文化自信，紧紧围绕统筹推进“五位一体”总体布局和协调推进“四个全面”战略布局，"
         "坚持稳中求进工作总基调，贯彻新发展理念，落实高质量发展要求，以实施乡村振兴战略为总抓手，健全党领导农村工作的组织体系、"
         "制度体系和工作机制，加快推进乡村治理体系和治理能力现代化，加快推进农业农村现代化，让广大农民过上更加美好的生活。",
         f"{_RURAL_WORK}，第二条"),
    Case("gb15834-1", "本标准按照GB/T 1.1—2009给出的规则起草。", f"{_GB15834}，第1段"),
    Case("gb15834-2", "本标准代替GB/T 15834—1995，与GB/T 15834—1995相比，主要变化如下：", f"{_GB15834}，第2段"),
    Case("gb15834-3", "——根据我国国家标准编写规则（GB/T 1.1—2009），对本标准的编排和表述做了全面修改；", f"{_GB15834}，变化第1项"),
    Case("gb15834-4", "——对句末点号（句号、问号、叹号）的定义做了修改，更强调句末点号与句子语气之间的关系（4.1.1/4.2.1/4.3.1）；",
         f"{_GB15834}，变化第4项"),
    Case("gb15834-5", "——“标点符号的位置”一章的标题改为“标点符号的位置和书写形式”，并增加了使用中文输入软件处理标点符号时的相关规范（第5章）；",
         f"{_GB15834}，变化第13项"),
    Case("gb15834-6", "本标准由教育部语言文字信息管理司提出并归口。本标准主要起草单位：北京大学。", f"{_GB15834}，末段"),
    Case("shanbai-1", "第一条\u3000为切实把我村建设成为“生产发展、生活宽裕、乡风文明、村容整洁、管理民主”的社会主义新农村，提高本村"
         "“自我管理、自我服务、自我教育、自我监督”能力和水平，根据《中华人民共和国村民委员会组织法》相关规定，特制定本村规民约"
         "（以下简称规约）。", f"{_SHANBAI}，总则第一条"),
    Case("shanbai-2", "第二条\u3000本规约具有村委与居民、居民与居民的契约性质，对全体村民具有相同的约束力，居住在本村的外来人参照执行本规约。",
         f"{_SHANBAI}，总则第二条"),
    Case("shanbai-3", "第一条\u3000全体村民要自觉学法、知法、守法，严禁偷盗、吸毒、敲诈、哄抢国家、集体、个人财物和聚众赌博，自觉维护社会秩序"
         "和公共安全，不扰乱公共秩序，不阻碍公务人员执行公务，做到遵纪守法，诚实守信。", f"{_SHANBAI}，村民行为规范第一条"),
    Case("shanbai-4", "第二条\u3000不得无故非访、越级上访和缠访；邻里纠纷，原则上不出本组，协商不能解决的可申请村“两委”调解，也可依法"
         "向人民法院起诉。不得以各种借口煽动群众到国家机关、村民委员会办公地、他人住宅等起哄捣乱、闹事、制造事端。",
         f"{_SHANBAI}，村民行为规范第二条"),
    Case("shanbai-5", "第三条\u3000要建立正常的人际关系，不搞家族帮派和不得以多欺少，不参加任何反动组织、邪教活动。",
         f"{_SHANBAI}，村民行为规范第三条"),
    Case("shanbai-6", "第四条\u3000提倡文明新风，移风易俗，严禁利用迷信活动造谣惑众骗取财物。提倡婚事新办、丧事简办、神事不办。严禁上坟焚香、"
         "烧纸、燃香烛、放鞭炮，破除陈规旧俗，反对大操大办，提倡“请客不收礼”。", f"{_SHANBAI}，村民行为规范第四条"),
    Case("zhongyang-0", "为加强社会主义和谐发展，促进新农村的建设，稳步推进村民民主法治建设，维护社会稳定，强化社会治安管理，根据"
         "《中华人民共和国村民委员会组织法》和《山西省村民委员会组织实施办法》以及镇《乡规民约》等有关法律和政策，联系本村实际特制定本条约。",
         f"{_ZHONGYANG}，序言"),
    Case("zhongyang-1", "一、每个村民都要爱党、爱国、爱集体、爱家乡，要学法、知法、守法，自觉遵守《村规民约》，爱护集体财产，维护集体的利益和声誉。",
         f"{_ZHONGYANG}，第一条"),
    Case("zhongyang-5", "五、土地属国家、集体所有，严格执行有关土地管理法律、法规，村民所承包的责任田地，未经有关部门批准，不得作为非农业生产"
         "及建房，如有违反者，造成的一切责任由当事人承担。", f"{_ZHONGYANG}，第五条"),
    Case("zhongyang-7", "七、喜事新办，不铺张浪费，丧事从简，不搞陈规旧俗。", f"{_ZHONGYANG}，第七条"),
    Case("zhongyang-10", "十、搞好公共卫生和村容整洁，不随地倒垃圾、污水，街道两侧不长期堆放砂、石等建筑材料。", f"{_ZHONGYANG}，第十条"),
    Case("fanjiazhuang-1", "第一条\u3000本章程依据《中华人民共和国村民委员会组织法》和《河南省实施〈中华人民共和国村民委员会组织法〉办法》"
         "及其它有关法律、法规和政策，联系我村实际，由全体村民讨论，民主制定。", f"{_FANJIAZHUANG}，第一条"),
    Case("fanjiazhuang-3", "第三条\u3000村民自治是在党的现行政策和国家法律、法规的范围内，在村党支部的领导下，由村民委员会具体组织管理本村的"
         "政治、经济及其它社会事务的一种制度。", f"{_FANJIAZHUANG}，第三条"),
    Case("fanjiazhuang-4", "第四条\u3000本章程是全体村民的行为规范，在章程面前人人平等，人人都必须严格遵守。", f"{_FANJIAZHUANG}，第四条"),
)

LEGAL_CASES = _law_cases() + tuple(
    Case(c.id, c.text, c.source, *(c.text.split("\u3000", 1) if "\u3000" in c.text[:8] else ("", "")))
    for c in OTHER_CASES)

# Typed texts written for issue 11 from its bug report (normalise before setting).
ISSUE = "issue 11 (written from the bug report, not a published text)"
ISSUE_CASES = (
    Case("issue-grid", "网格化管理：全村划分为第1网格至第12网格，每个网格配备1名专职网格员，2023年共走访8600余户次，收集群众诉求"
         "1200余件，办结率达到98%以上。", ISSUE),
    Case("issue-hours", "夏季(7 月 1 日—9 月 30 日)：上午8:00—12:00，下午14:30—18:00；冬季(10 月 1 日—次年 6 月 30 日)："
         "上午8:30—12:00，下午14:00—17:30。", ISSUE),
    Case("issue-phones", "咨询电话：0511-87650000，监督电话：0511-87651234，每月 1 日—5 日上午 8:30-11:30 集中办理社保认证。", ISSUE),
    Case("issue-standards", "标识标牌依据GB/T 15834—2011《标点符号用法》、GB/T 15835—2011《出版物上数字用法》、"
         "GB 2894—2008《安全标志及其使用导则》和DB32/T 3000—2016执行，室内字高不小于25mm。", ISSUE),
    Case("issue-sentences", "2019 年 1 月 10 日，中共中央印发《中国共产党农村基层组织工作条例》。条例共十章四十一条。必须坚持党的全面领导，"
         "全面从严治党，把“三会一课”制度落到实处，村“两委”班子团结有力，发挥战斗堡垒作用。", ISSUE),
    Case("issue-counts", "近三年来，全村新发展党员十余名，培养入党积极分子二十多名，组织志愿服务三百余次，服务群众五千多人次，"
         "第三届村民代表会议通过了第二十四条规定的全部事项。", ISSUE),
)
