"""Search benchmark: build ~400k synthetic documents, then time typical queries.

Run:  .venv/bin/python tests/benchmarks/search_bench.py [--docs 400000] [--only encrypted]

Builds the index with ``index_many`` in a SQLCipher file (raw 256-bit key), in a plaintext
file of the same SQLite build (sqlcipher3 without a key) and in a stdlib ``sqlite3`` file,
prints the build time and size, then p50/p95 over 100 runs per query kind.
Targets: every p95 <= 30 ms on a 2-core machine; indexing 400k documents well under 60 s.
Not collected by pytest (the name does not start with ``test_``).
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from crm_desktop.core.search import SearchDoc, create_schema, index_many, search

SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡"
    "余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯"
    "龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
)
COMPOUND = ["欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙"]
GIVEN = (
    "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红娥玲芬燕彬鹏辉建国志"
    "文斌宇浩凯健俊帆帅旭宁龙林欣佳怡思雨晨博嘉子涵梓轩一诺浩然宇轩欣怡"
)
FIRST = [
    "James", "Mary", "John", "Patricia", "Robert", "Jennifer", "Michael", "Linda", "William",
    "Elizabeth", "David", "Barbara", "Richard", "Susan", "Joseph", "Jessica", "Thomas",
    "Sarah", "Charles", "Karen", "José", "María", "Zoë", "Renée", "François", "Søren"
]
LAST = [
    "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis",
    "Rodriguez", "Martinez", "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson", "Thomas",
    "Taylor", "Moore", "Jackson", "Martin", "Lee", "Müller", "Núñez", "Ångström"
]
CITY = [
    "北京", "上海", "广州", "深圳", "杭州", "南京", "成都", "武汉", "重庆", "西安",
    "苏州", "天津", "长沙", "郑州", "青岛"
]
BIZ = [
    "华为", "科技", "信息", "贸易", "电子", "网络", "软件", "实业", "物流", "建筑",
    "医药", "食品", "服装", "机械", "文化", "传媒", "教育", "咨询", "能源", "环保",
]
EN_BIZ = [
    "Acme", "Globex", "Initech", "Umbrella", "Stark", "Wayne", "Hooli", "Vandelay", "Soylent",
    "Tyrell", "Cyberdyne", "Wonka"
]
EN_SUFFIX = [
    "Trading Ltd", "Holdings", "Technologies", "Logistics GmbH", "Consulting LLC", "Foods Inc"
]
DOMAINS = [
    "example.com", "example.cn", "qq.com", "163.com", "gmail.com", "outlook.com",
    "company.com.cn"
]
ZH_WORDS = [
    "客户", "表示", "需要", "尽快", "报价", "合同", "已经", "签署", "下周", "回访",
    "产品", "质量", "问题", "售后", "维修", "更换", "配件", "发货", "延迟", "付款",
    "发票", "确认", "安装", "培训", "满意", "投诉", "处理", "完成", "跟进", "电话",
    "沟通", "会议", "演示", "方案", "预算"
]
EN_WORDS = [
    "customer", "asked", "for", "a", "quote", "the", "contract", "was", "signed", "follow",
    "up", "next", "week", "delivery", "delayed", "invoice", "sent", "payment", "received",
    "installation", "training", "complaint", "resolved", "product", "quality", "issue",
    "spare", "parts", "replaced", "meeting", "demo", "proposal", "budget", "approved",
    "renewal"
]


def chinese_name(rng: random.Random) -> str:
    surname = rng.choice(COMPOUND) if rng.random() < 0.03 else rng.choice(SURNAMES)
    return surname + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2, 2))))


def english_name(rng: random.Random) -> str:
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def phone(rng: random.Random) -> str:
    if rng.random() < 0.85:
        return f"+861{rng.choice('3456789')}{rng.randrange(10**9):09d}"
    return f"+1{rng.randrange(200, 999)}{rng.randrange(10**7):07d}"


def email(rng: random.Random, latin: str) -> str:
    local = latin.lower().replace(" ", rng.choice((".", "_", "")))
    return f"{local}{rng.randrange(100) if rng.random() < 0.5 else ''}@{rng.choice(DOMAINS)}"


def body(rng: random.Random, size: int = 100) -> str:
    words = ZH_WORDS if rng.random() < 0.6 else EN_WORDS
    sep = "" if words is ZH_WORDS else " "
    out: list[str] = []
    while len(sep.join(out)) < size:
        out.append(rng.choice(words))
    return sep.join(out)[:size]


def company_name(rng: random.Random) -> str:
    if rng.random() < 0.7:
        return rng.choice(CITY) + rng.choice(BIZ) + rng.choice(BIZ) + "有限公司"
    return f"{rng.choice(EN_BIZ)} {rng.choice(EN_SUFFIX)}"


def synthetic_docs(total: int, seed: int = 7) -> Iterator[SearchDoc]:
    """A realistic mix scaled to ``total``: 25% contacts, 5% companies, 12.5% deals, the rest
    service logs and notes with ~100-character bodies."""
    rng = random.Random(seed)
    from pypinyin import lazy_pinyin

    companies = [company_name(rng) for _ in range(max(1, total // 20))]
    planted = {  # known records in the middle of the data, so digit/email queries have hits
        total // 8: SearchDoc("contact", "planted-1", "张伟", "华为", names=("张伟",),
                              emails=("wang.li@example.com",), phones=("+8613800138000",)),
        total // 8 + 1: SearchDoc("contact", "planted-2", "欧阳明华", names=("欧阳明华",),
                                  phones=("+861012345678",)),
        total // 8 + 2: SearchDoc("contact", "planted-3", "José García", names=("José García",),
                                  emails=("jose.garcia@example.es",), phones=("+34912345678",)),
    }
    for n in range(total // 4):
        if n in planted:
            yield planted[n]
            continue
        zh = rng.random() < 0.7
        name = chinese_name(rng) if zh else english_name(rng)
        latin = " ".join(lazy_pinyin(name)) if zh else name
        phones = tuple(phone(rng) for _ in range(rng.choice((1, 1, 2))))
        yield SearchDoc(
            "contact", f"c{n}", name, rng.choice(companies), names=(name,),
            emails=(email(rng, latin),), phones=phones,
        )
    for n, name in enumerate(companies):
        yield SearchDoc("company", f"o{n}", name, rng.choice(CITY), names=(name,),
                        phones=(phone(rng),), emails=(f"info@{rng.choice(DOMAINS)}",))
    for n in range(total // 8):
        company = rng.choice(companies)
        title = f"{company} {rng.choice(('年度采购', '设备更新', 'Renewal', 'Expansion'))}"
        yield SearchDoc("deal", f"d{n}", title, company, names=(title,), body=body(rng, 60))
    rest = total - total // 4 - len(companies) - total // 8
    for n in range(rest):
        kind = "service" if n % 2 else "note"
        text = body(rng)
        yield SearchDoc(kind, f"{kind[0]}{n}", text[:20], chinese_name(rng), body=text)


QUERIES: dict[str, list[str]] = {
    "zh 1 char": ["张", "伟", "欧", "华", "明"],
    "zh 2 chars": ["张伟", "明华", "王芳", "欧阳", "报价"],
    "zh 3 chars": ["欧阳明", "阳明华", "王秀英", "科技有", "陈思雨"],
    "pinyin full": ["zhangwei", "zhang wei", "wangfang", "ouyang", "liming"],
    "pinyin initials": ["zw", "wf", "oymh", "lm", "ZW"],
    "latin word": ["jose", "smith", "garcia", "renee", "acme"],
    "phone digits": ["13800138000", "0013 8000", "138-0013-8000", "+86 10 1234 5678", "555"],
    "email fragment": ["@example.co", "wang.li", "gmail", "@163.com", "zhang_"],
    "body words": ["quote", "回访", "follow up", "客户 报价", "invoice"],
    "mixed terms": ["张 quote", "wei 报价", "a the", "zw 华为", "x y z w"],
    "no match": ["zzqqxx", "飞龙在天", "9999999999", "鬣", "xyzzy"],
}


def sqlcipher_connect(path: Path) -> Any:
    import sqlcipher3

    conn = sqlcipher3.connect(str(path))
    conn.execute("PRAGMA key = \"x'" + "11" * 32 + "'\"")
    return conn


def unkeyed_connect(path: Path) -> Any:
    import sqlcipher3

    return sqlcipher3.connect(str(path))  # the same SQLite build, no key: a plaintext file


def stdlib_connect(path: Path) -> Any:
    return sqlite3.connect(str(path))


def make_engine(connect: Callable[[Path], Any], path: Path, cache_mb: int) -> Engine:
    def creator() -> Any:
        conn = connect(path)
        conn.execute("PRAGMA temp_store = MEMORY")
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
        if cache_mb:
            conn.execute(f"PRAGMA cache_size = -{cache_mb * 1024}")
        return conn

    return create_engine("sqlite://", creator=creator, hide_parameters=True)


def percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    return statistics.median(ordered), ordered[int(len(ordered) * 0.95) - 1]


def run(label: str, connect: Callable[[Path], Any], docs: int, cache_mb: int, runs: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.db"
        engine = make_engine(connect, path, cache_mb)
        started = time.perf_counter()
        corpus = list(synthetic_docs(docs))
        print(f"\n[{label}] generated {len(corpus)} synthetic docs in "
              f"{time.perf_counter() - started:.1f} s (not counted below)")
        started = time.perf_counter()
        with engine.begin() as conn:
            create_schema(conn)
            count = index_many(conn, corpus)
        build = time.perf_counter() - started
        del corpus
        with engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
            version = conn.exec_driver_sql("SELECT sqlite_version()").scalar()
        print(f"[{label}] SQLite {version}: indexed {count} docs in {build:.1f} s "
              f"({count / build:,.0f} docs/s), database {path.stat().st_size / 2**20:.0f} MiB, "
              f"page cache {f'{cache_mb} MiB' if cache_mb else 'default'}")
        with engine.connect() as conn:
            for name, queries in QUERIES.items():
                samples: list[float] = []
                hits = 0
                for i in range(runs):
                    query = queries[i % len(queries)]
                    t0 = time.perf_counter()
                    hits += len(search(conn, query))
                    samples.append((time.perf_counter() - t0) * 1000)
                p50, p95 = percentiles(samples)
                flag = "" if p95 <= 30 else "  <-- over 30 ms"
                print(f"  {name:16s} p50 {p50:6.2f} ms  p95 {p95:6.2f} ms  "
                      f"avg hits {hits / runs:5.1f}{flag}")
        engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--docs", type=int, default=400_000)
    parser.add_argument("--runs", type=int, default=100)
    parser.add_argument("--cache-mb", type=int, default=0, help="PRAGMA cache_size (0: default)")
    parser.add_argument("--only", choices=("encrypted", "unkeyed", "stdlib"))
    args = parser.parse_args()
    targets = {
        "encrypted": ("SQLCipher, raw key", sqlcipher_connect),
        "unkeyed": ("sqlcipher3 without key (plaintext)", unkeyed_connect),
        "stdlib": ("stdlib sqlite3 (plaintext)", stdlib_connect),
    }
    for name, (label, connect) in targets.items():
        if args.only in (None, name):
            run(label, connect, args.docs, args.cache_mb, args.runs)

if __name__ == "__main__":
    main()
