"""Domains of the benchmark, and the keyword rule that assigns a Wikipedia NER sentence to one.

A sentence goes to the domain whose keywords it holds most often (ties: the order below);
a sentence with no keyword is `general` and only serves the precision set. The keywords
are topic words of each field, chosen by hand before any item was generated.
"""

from __future__ import annotations

DOMAINS = ("tech", "business", "politics", "sports", "entertainment", "places", "science")

KEYWORDS: dict[str, tuple[str, ...]] = {
    "tech": ("ソフトウェア", "コンピュータ", "コンピューター", "インターネット", "半導体", "電子", "アプリ",
             "システム", "サーバ", "ネットワーク", "プログラム", "開発", "技術", "エンジン", "OS", "IT",
             "通信", "携帯", "ロボット", "人工知能", "データ", "デジタル", "機器", "電機", "家電", "ゲーム機",
             "Java", "Windows", "ウェブ", "サイト", "衛星", "ロケット"),
    "business": ("株式会社", "会社", "企業", "銀行", "証券", "上場", "買収", "合併", "子会社", "事業", "社長",
                 "売上", "経営", "出資", "投資", "工場", "販売", "商品", "ブランド", "本社", "取締役", "店舗",
                 "百貨店", "グループ", "ホールディングス", "保険", "金融", "株", "億円", "ドル", "ユーロ"),
    "politics": ("政党", "議員", "選挙", "大臣", "政府", "省", "知事", "議会", "国会", "首相", "大統領",
                 "政権", "法案", "法律", "条約", "軍", "戦争", "戦い", "役", "王", "皇帝", "藩", "幕府",
                 "警察", "裁判", "委員会", "党", "内閣", "憲法", "外交", "独立", "天皇", "将軍", "戦"),
    "sports": ("選手", "野球", "サッカー", "リーグ", "優勝", "チーム", "監督", "試合", "シーズン", "大会",
               "投手", "打者", "ゴール", "移籍", "代表", "オリンピック", "ワールドカップ", "競技", "プロレス",
               "レース", "バスケットボール", "ラグビー", "テニス", "ゴルフ", "相撲", "力士", "球団", "クラブ",
               "右投", "左投", "打", "出場", "スポーツ", "マラソン", "柔道", "ボクシング"),
    "entertainment": ("歌手", "アルバム", "シングル", "映画", "ドラマ", "アニメ", "漫画", "俳優", "女優",
                      "声優", "バンド", "番組", "ゲーム", "楽曲", "作品", "小説", "作家", "演じ", "出演",
                      "放送", "テレビ", "ラジオ", "ライブ", "コンサート", "舞台", "劇", "音楽", "曲", "キャラクター",
                      "アイドル", "レコード", "監督作", "主演", "連載", "雑誌", "芸人", "ミュージシャン", "写真"),
    "places": ("駅", "鉄道", "線", "空港", "県", "市", "町", "村", "川", "山", "寺", "神社", "島", "港",
               "道路", "国道", "橋", "トンネル", "湖", "公園", "城", "列車", "路線", "バス", "ホテル", "観光",
               "温泉", "郡", "州", "地方", "海", "航空"),
    "science": ("病院", "医学", "医師", "研究", "化学", "病", "薬", "治療", "患者", "細胞", "遺伝子",
                "物質", "分子", "原子", "生物", "植物", "動物", "種", "属", "科", "生息", "学会", "大学",
                "教授", "理論", "物理", "数学", "天文", "惑星", "症", "ウイルス", "感染", "放射", "元素", "森林"),
}


def domain_of(text: str) -> str:
    """
    >>> domain_of("松友美佐紀は、日本のバドミントン選手。")
    'sports'
    >>> domain_of("右に曲がった。")
    'general'
    """
    best, best_score = "general", 0
    for domain in DOMAINS:
        score = sum(text.count(k) for k in KEYWORDS[domain])
        if score > best_score:
            best, best_score = domain, score
    return best
