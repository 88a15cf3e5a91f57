"""A corpus of paragraphs for the CLREQ line-breaking and justification tests.

Each case names the hard spots it is there for (``spots``: substrings where a line break
must land near, for some width of the sweep, so the rule is really exercised) and the
substrings that must never be split across lines (``keep``, on top of the generic units the
test finds itself: ——, ……, Latin words and numbers, prefix/postfix signs, ranges).
Texts are already normalised (set_paragraph sets text as given).  ``min_em``: the narrowest
measure to try, in em, when a case holds a long unbreakable unit (a URL, a phone number).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Case:
    id: str
    text: str
    spots: tuple[str, ...] = ()
    keep: tuple[str, ...] = ()
    min_em: float = 5.0


CASES = (
    # --- line-start prohibitions (避头), one class per case ----------------------------------
    Case("dunhao", "村里的道路、桥梁、水渠、路灯、垃圾站、文化广场、卫生室和健身器材都要定期检查维护、及时修缮。",
         spots=("、",)),
    Case("comma", "为民服务，是基层党组织的根本宗旨，必须坚持群众路线，倾听群众呼声，回应群众关切，解决群众困难。",
         spots=("，",)),
    Case("period", "会议由支部书记主持。会前通知到人。会后形成记录。重要决定报乡镇党委备案。记录保存三年以上。",
         spots=("。",)),
    Case("colon-semicolon", "办理流程：提出申请；村委会受理；审核材料；公示结果；上报审批；发放证件；归档备查。",
         spots=("：", "；")),
    Case("question-exclaim", "您是否按时参加了组织生活？是否按月交纳了党费？是否主动联系群众？请对照检查！及时整改！",
         spots=("？", "！")),
    Case("closing-quotes", "他说：“请大家相信组织。”群众都说：“我们相信。”大家又说：“一定办好。”会场气氛热烈。",
         spots=("”",)),
    Case("closing-brackets", "按照规定（试行）执行，参照办法〔2023〕执行，依据条例【修订版】执行，遵守章程［草案］执行。",
         spots=("）", "〕", "】", "］")),
    Case("book-titles", "认真学习《中国共产党章程》和《中国共产党农村基层组织工作条例》，深入领会《关于〈决定〉的说明》精神。",
         spots=("》", "《"), keep=()),
    Case("interpunct", "学习马克思·恩格斯的著作，了解白求恩·诺尔曼的事迹，纪念国际劳动节“五·一”和青年节“五·四”。",
         spots=("·",)),
    Case("connectors", "开放时间为周一～周五，报名年龄为十八～六十周岁，路线为青禾村—县城—市区，单号–双号轮换。",
         spots=("～", "—", "–")),
    Case("solidus", "收费标准：停车五元/次，场地二十元/小时，会议室一百元／半天，具体价格以公示为准。",
         spots=("/", "／")),
    Case("stacked-marks", "这样的好事，谁不愿意？！大家都来参加吧！！活动从今天开始，欢迎全体村民踊跃报名参加！",
         spots=("？！", "！！")),
    # --- line-end prohibitions (避尾) ----------------------------------------------------------
    Case("opening-quotes", "村民代表提出“先修路后建房”的建议，支委会采纳“一事一议”的办法，推行“阳光村务”工程。",
         spots=("“",)),
    Case("opening-brackets", "材料包括身份证（原件）、户口簿（复印件）、申请表【一式两份】以及证明材料〔如有〕等。",
         spots=("（", "【", "〔")),
    Case("corner-quotes", "老人说：「我记得当年的『三会一课』很严格。」大家说：「现在也一样。」支书笑了。",
         spots=("「", "『")),
    # --- never split ---------------------------------------------------------------------
    Case("dash", "这就是我们的目标——让每一位村民都过上好日子——这也是全体党员的共同心愿和奋斗方向。",
         spots=("——",)),
    Case("ellipsis", "会上大家讨论了修路、建桥、通水……各项议题都有了结果……下一步就是抓好落实。",
         spots=("……",)),
    Case("dash-single-char", "集体经济收入⸺这是衡量村级组织战斗力的重要指标⸺今年增长了百分之十五。",
         spots=("⸺",)),
    Case("numbers-units", "全村共有耕地3260亩，其中水田1,850亩，人均收入28,600元，比上年增长7.5%，粮食总产1,200吨。",
         spots=("3260", "1,850", "7.5%"), keep=("7.5%", "28,600", "1,850", "1,200")),
    Case("dates", "2023年12月31日前完成申报，2024年1月15日公示，2024年3月1日起正式实施，有效期至2026年底。",
         spots=("2023", "2024", "15"), keep=("2023", "2024", "2026")),
    Case("times", "服务时间：周一至周五 上午8:30—11:30 下午14:00—17:30，周六 上午9:00—12:00，节假日除外。",
         spots=("8:30—11:30", "14:00—17:30"), keep=("8:30—11:30", "14:00—17:30", "9:00—12:00"), min_em=7),
    Case("latin-words", "村里建成了WiFi全覆盖的电商服务站，配备POS机和GPS定位设备，开通了Python编程兴趣课程和English角。",
         spots=("WiFi", "Python", "English"), keep=("WiFi", "POS", "GPS", "Python", "English")),
    Case("phone-url", "咨询电话0511-87650000，监督电话0511-87651234，网址www.qinghe.gov.cn，欢迎来电来访。",
         spots=("0511",), keep=("0511-87650000", "0511-87651234", "www.qinghe.gov.cn"), min_em=10),
    Case("prefix-postfix", "每户补贴¥1500元，每亩奖励￥200元，合格率达到98%以上，室温保持在26℃左右，误差不超过5‰。",
         spots=("¥1500", "￥200", "98%", "26℃"), keep=("¥1500", "￥200", "98%", "26℃", "5‰")),
    Case("ranges", "每年3～5月为植树季，温度控制在18～25℃，报名人数20–30人，费用50—80元，时间1～2天。",
         spots=("3～5", "18～25℃"), keep=("3～5", "18～25℃", "20–30", "50—80", "1～2")),
    # --- adjacent punctuation, quotes, brackets ------------------------------------------
    Case("adjacent", "他问：“你去吗？”我说：“去。”（见《通知》。）“《条例》”已经印发，“（一）”项另行规定。",
         spots=("？”", "。”", "》。", "“《", "“（")),
    Case("nested-quotes", "支书说：“老党员常讲‘干部干部，先干一步’，这句话我一直记在心里。”大家听了很受感动。",
         spots=("‘", "’")),
    Case("nested-brackets", "依据相关规定（参见《实施细则》第三条〔2022年修订〕的有关内容）执行，具体办法另行通知。",
         spots=("（", "〔", "〕")),
    Case("orphan-end", "全体党员要带头遵守村规民约，带头移风易俗，带头参加志愿服务，争当文明新风的表率者。",
         spots=("者。",)),
    Case("orphan-short", "坚持党的领导，坚持人民主体地位，坚持依法办事，坚持民主集中制，做到公开公平公正好。",
         spots=("好。",)),
    Case("mixed-spaces", "活动安排 上午 集中学习 下午 分组讨论 晚上 观看影片 ，请准时参加。",
         spots=(" ",)),
    # --- the real boards (examples/qinghe/boards), normalised ------------------------------
    Case("decisions-2", "村“两委”商议：召开村党组织和村民委员会联席会议，对提议进行充分讨论，形成商议意见。",
         spots=("商议：", "联席会议")),
    Case("duties-2", "讨论决定本村经济建设、乡村治理和民生保障中的重要问题，重大事项按程序提交村民会议或者村民代表会议决定。"),
    Case("meetings-7", "督促检查：村党组织每半年对“三会一课”落实情况进行一次自查，发现问题及时整改。",
         spots=("“三会一课”",)),
    Case("service-time", "周一至周五 上午8:30—11:30 下午14:00—17:30",
         keep=("8:30—11:30", "14:00—17:30"), min_em=7),
    Case("showcase-lead", "青禾村地处丘陵坡地，光照充足，种植葡萄已有三十多年历史。村党组织牵头成立葡萄专业合作社，"
         "统一品种、统一技术、统一品牌，带动全村三百多户农户增收。"),
)
