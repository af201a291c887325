"""A realistic sample business, mixed Chinese and English: for first run, `crm demo` and the benchmark.

Ratios follow the benchmark's large workspace: per contact 0.2 companies, 0.5 deals, 1 reminder,
1 service log and 1 note.
"""

from __future__ import annotations

import random
import unicodedata
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

from crm_desktop.core.crm import Crm
from crm_desktop.core.domain.models import (
    LIFECYCLE_STAGES,
    NOTE_KINDS,
    SERVICE_CHANNELS,
    SERVICE_PRIORITIES,
    SERVICE_STATUSES,
)
from crm_desktop.core.search.docs import ContactDocs, company_doc, deal_doc, note_doc, service_doc
from crm_desktop.core.search.text import sort_key
from crm_desktop.core.storage.bulk import BulkWriter, record_defaults
from crm_desktop.core.storage.tables import (
    Company,
    Contact,
    Deal,
    Note,
    Reminder,
    ServiceLog,
    Tag,
    Tagging,
)

SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程"
            "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤")
COMPOUND_SURNAMES = ("欧阳", "司马", "诸葛", "上官", "东方")
GIVEN = ("伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红娥"
         "建华文辉力鹏飞宇浩然欣怡子涵梓轩雨晨思远俊杰晓东海燕志强春梅建国")
FIRST = ("James", "Mary", "John", "Linda", "David", "Susan", "Michael", "Karen", "Peter", "Emma",
         "José", "Zoë", "André", "Chloé", "Oliver", "Sophia", "Lucas", "Mia", "Noah", "Ava")
LAST = ("Smith", "Johnson", "Brown", "Taylor", "Wilson", "Martin", "Lee", "Walker", "Hall",
        "Young", "Müller", "García", "O'Brien", "Nguyen", "Kim", "Chen", "Wong", "Lam")
CITIES = ("北京", "上海", "广州", "深圳", "杭州", "成都", "南京", "苏州", "武汉", "西安")
WORDS = ("明华", "远航", "恒通", "鑫达", "华美", "金茂", "新世纪", "东方", "天成", "宏图", "瑞丰", "博雅")
TRADES = ("科技", "贸易", "餐饮", "建材", "印刷", "物流", "服装", "电子")
EN_COMPANIES = ("Acme", "Northwind", "Blue Harbor", "Evergreen", "Summit", "Pioneer", "Lotus",
                "Golden Gate", "Silver Line", "Red Maple")
INDUSTRIES = ("零售", "制造", "餐饮", "Software", "Logistics", "Retail", "教育", "医疗")
SUBJECTS = ("打印机故障", "发票重开", "配送延迟", "产品咨询", "退货申请", "上门安装", "Invoice question",
            "Delivery delayed", "Product return", "Training visit", "投诉：服务态度", "续约咨询")
NOTE_TEXTS = ("电话沟通，客户对报价满意，下周再联系。",
              "Met at the trade fair; interested in the premium plan.",
              "客户要求提供样品，已安排快递。", "Sent the proposal by email, waiting for feedback.",
              "拜访客户，了解明年采购计划。", "Called about renewal; decision after budget meeting.")
DEAL_WORDS = ("年度采购", "设备升级", "门店装修", "软件许可", "Annual supply", "Website redesign",
              "Maintenance contract", "培训服务", "物流外包")
LOST_REASONS = ("价格太高", "选择了竞争对手", "No budget", "Project cancelled")
TAGS = ("VIP", "北京", "上海", "展会", "Wholesale", "老客户")


def _ascii(text: str) -> str:
    """José → jose, for e-mail addresses that every mail system accepts."""
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


class DemoBuilder:
    """Builds row dicts with a seeded random generator, so runs are repeatable."""

    def __init__(self, crm: Crm, seed: int) -> None:
        self.crm = crm
        self.rng = random.Random(seed)
        self.now = datetime.now(UTC)
        self.stages = crm.deals.stages()

    def chinese_name(self) -> tuple[str, str]:
        rng = self.rng
        family = rng.choice(COMPOUND_SURNAMES) if rng.random() < 0.02 else rng.choice(SURNAMES)
        return family, "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2, 2))))

    def phone(self) -> str:
        return f"+861{self.rng.choice('3456789')}{self.rng.randrange(10**9):09d}"

    def moment(self, days_back: int, days_ahead: int = 0) -> datetime:
        return self.now + timedelta(minutes=self.rng.randrange(-days_back * 1440,
                                                               days_ahead * 1440 + 1))

    def company(self, i: int) -> dict[str, Any]:
        rng = self.rng
        if rng.random() < 0.7:
            name = f"{rng.choice(CITIES)}{rng.choice(WORDS)}{rng.choice(TRADES)}有限公司"
        else:
            name = f"{rng.choice(EN_COMPANIES)} {rng.choice(('Trading', 'Foods', 'Tech'))} Ltd {i}"
        return record_defaults(name=name, sort_key=sort_key(name), industry=rng.choice(INDUSTRIES),
                               phone=self.phone(), website="", address=rng.choice(CITIES), notes="")

    def contact(self, company_ids: list[str]) -> dict[str, Any]:
        rng = self.rng
        if rng.random() < 0.75:
            family, given = self.chinese_name()
            display, order, local = family + given, "eastern", f"user{rng.randrange(10**6)}"
        else:
            given, family = rng.choice(FIRST), rng.choice(LAST)
            display, order = f"{given} {family}", "western"
            local = _ascii(f"{given}.{family}".lower().replace("'", ""))
        company_id = rng.choice(company_ids) if company_ids and rng.random() < 0.8 else None
        return record_defaults(
            display_name=display, sort_key=sort_key(display), family_name=family,
            given_name=given, name_order=order,
            company_id=company_id, title=rng.choice(("经理", "采购", "Owner", "Buyer", "")),
            emails=[{"label": "work", "value": f"{local}@example.com"}],
            phones=[{"label": "mobile", "value": self.phone()}], addresses=[],
            birthday=None, lead_source=rng.choice(("展会", "Referral", "Website", "")),
            lifecycle_stage=rng.choice(LIFECYCLE_STAGES), marketing_consent=False,
            consent_date=None, consent_source="", custom_fields={})

    def deal(self, contact: dict[str, Any]) -> dict[str, Any]:
        rng = self.rng
        status = rng.choices(("open", "won", "lost"), (6, 3, 1))[0]
        closed = self.moment(180) if status != "open" else None
        close_date = (self.now + timedelta(days=rng.randrange(-30, 120))).date().isoformat()
        return record_defaults(
            title=rng.choice(DEAL_WORDS), contact_id=contact["id"],
            company_id=contact["company_id"], stage_id=rng.choice(self.stages).id,
            amount_minor=rng.randrange(1_000, 5_000_000) * 100, currency="CNY",
            expected_close=close_date, status=status,
            lost_reason=rng.choice(LOST_REASONS) if status == "lost" else "",
            source=rng.choice(("展会", "Referral", "Website")), closed_at=closed)

    def reminder(self, contact: dict[str, Any]) -> dict[str, Any]:
        done = self.rng.random() < 0.5
        return record_defaults(
            title=f"回访 {contact['display_name']}", due_at=self.moment(30, 30),
            contact_id=contact["id"], deal_id=None, service_log_id=None, rrule="",
            snoozed_until=None, done_at=self.now if done else None, notes="")

    def service_log(self, contact: dict[str, Any]) -> dict[str, Any]:
        rng = self.rng
        status = rng.choice(SERVICE_STATUSES)
        opened = self.moment(365)
        resolved = opened + timedelta(hours=rng.randrange(1, 240)) if status in (
            "resolved", "closed") else None
        return record_defaults(
            contact_id=contact["id"], subject=rng.choice(SUBJECTS),
            description=rng.choice(NOTE_TEXTS), channel=rng.choice(SERVICE_CHANNELS),
            category=rng.choice(("售后", "咨询", "Complaint", "Billing")),
            priority=rng.choice(SERVICE_PRIORITIES), status=status, opened_at=opened,
            resolved_at=resolved, resolution="已处理" if resolved else "",
            satisfaction=rng.randint(1, 5) if resolved else None)

    def note(self, contact: dict[str, Any]) -> dict[str, Any]:
        return record_defaults(kind=self.rng.choice(NOTE_KINDS), body=self.rng.choice(NOTE_TEXTS),
                               contact_id=contact["id"], company_id=None, deal_id=None,
                               occurred_at=self.moment(365))


def populate_demo(crm: Crm, contacts: int = 200, *, seed: int = 1,
                  progress: Callable[[int, int], None] | None = None) -> dict[str, int]:
    """Add a sample business of `contacts` contacts in one transaction; returns counts per entity."""
    build = DemoBuilder(crm, seed)
    companies = [build.company(i) for i in range(max(1, contacts // 5))]
    names = {c["id"]: c["name"] for c in companies}
    company_ids = list(names)
    people = [build.contact(company_ids) for _ in range(contacts)]
    writer = BulkWriter(crm.db, "demo")
    writer.add(Company, companies, company_doc)
    writer.add(Contact, people, ContactDocs(names))
    writer.add(Deal, [build.deal(p) for p in people[: contacts // 2]], deal_doc)
    writer.add(Reminder, [build.reminder(p) for p in people])
    writer.add(ServiceLog, [build.service_log(p) for p in people], service_doc)
    writer.add(Note, [build.note(p) for p in people], note_doc)
    tags = [record_defaults(name=name, color="") for name in TAGS]
    writer.add(Tag, tags)
    writer.add(Tagging, [record_defaults(tag_id=build.rng.choice(tags)["id"], entity="contact",
                                         row_id=p["id"]) for p in people[::3]])
    return writer.commit(progress)
