"""Screenshots of the desktop window for the README (run under Xvfb or offscreen):

    xvfb-run -a .venv/bin/python tests/ui/screenshots.py --lang en --out resources/screenshots
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from crm_desktop.core.config.paths import AppPaths  # noqa: E402
from crm_desktop.core.crm import open_crm  # noqa: E402
from crm_desktop.core.demo import populate_demo  # noqa: E402
from crm_desktop.core.domain.models import ContactCreate, Labeled  # noqa: E402
from crm_desktop.core.i18n import set_language  # noqa: E402
from crm_desktop.core.security.keystore import MemoryKeyStore  # noqa: E402
from crm_desktop.core.security.vault import Vault  # noqa: E402
from crm_desktop.core.setup import init_workspace  # noqa: E402
from crm_desktop.ui.application import configure  # noqa: E402
from crm_desktop.ui.controllers.contacts_page import ContactsPage  # noqa: E402
from crm_desktop.ui.controllers.shell import Shell  # noqa: E402
from crm_desktop.ui.controllers.unlock import UnlockScreen  # noqa: E402
from crm_desktop.ui.tasks import ImmediateTaskRunner  # noqa: E402

PASSPHRASE = "screenshot passphrase"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--lang", choices=("en", "zh_CN"), default="en")
    parser.add_argument("--out", type=Path, default=Path("resources/screenshots"))
    args = parser.parse_args()
    set_language(args.lang)
    app = QApplication(sys.argv[:1])
    configure(app, args.lang)
    root = Path(tempfile.mkdtemp(prefix="crm-shots-"))
    paths = AppPaths.under(root / "workspace")
    created = init_workspace(paths, MemoryKeyStore(), PASSPHRASE, language=args.lang,
                             business_name="明华贸易")
    populate_demo(created.crm, 300)
    created.crm.contacts.add(ContactCreate(display_name="张伟", company_name="明华科技有限公司",
                                           phones=[Labeled(value="138 0013 8000")]))
    created.crm.close()
    vault = Vault(paths, MemoryKeyStore())
    unlock = UnlockScreen(vault, lambda key: open_crm(paths, key), ImmediateTaskRunner())
    shell = Shell(unlock, QSettings(str(root / "ui.ini"), QSettings.Format.IniFormat),
                  runner=ImmediateTaskRunner())
    shell.resize(1280, 780)
    shell.show()
    args.out.mkdir(parents=True, exist_ok=True)
    suffix = "zh" if args.lang == "zh_CN" else "en"
    app.processEvents()
    shell.grab().save(str(args.out / f"unlock-{suffix}.png"))
    unlock.passphrase.setText(PASSPHRASE)
    unlock.unlock.click()
    workbench = shell.workbench
    assert workbench is not None
    usb = root / "usb"
    usb.mkdir()
    workbench.crm.backups.configure(folder=str(usb))
    workbench.crm.backups.back_up()
    workbench.backup.load_settings()  # type: ignore[attr-defined]
    workbench.backup.refresh()  # type: ignore[attr-defined]
    workbench.backup_scheduler.refresh_status()
    shots = {"today": workbench.today, "contacts": workbench.contacts, "deals": workbench.deals,
             "backup": workbench.backup, "reports": workbench.reports}
    workbench.contacts.show_contact(  # type: ignore[attr-defined]
        workbench.crm.search("张伟", kinds=("contact",))[0].row_id)
    for name, page in shots.items():
        workbench.go_to(page)  # type: ignore[arg-type]
        for _ in range(5):
            app.processEvents()
        shell.grab().save(str(args.out / f"{name}-{suffix}.png"))
    workbench.go_to(workbench.contacts)  # type: ignore[arg-type]
    workbench.search.field.setText("zw")
    app.processEvents()
    shell.grab().save(str(args.out / f"search-{suffix}.png"))
    _import_wizard_shots(app, workbench.contacts, root, args.out, suffix)  # type: ignore[arg-type]
    _export_and_duplicates_shots(app, shell, root, args.out, suffix)
    shell.lock()
    return 0


IMPORT_FILE = ("姓名,手机,邮箱,公司,职位,标签,备注\n"
               "欧阳娜娜,13800138000,nana.ouyang@example.com,北京星光科技有限公司,采购经理,VIP、展会,展会认识\n"
               "张伟,138 0013 8000,,明华科技有限公司,总经理,老客户,\n"
               "李四,12,lisi@example,,,,\n"
               "司马光,+86 137-0000-1234,,,,,\n"
               "王芳,13900000002,wangfang@example.cn,上海云杉贸易,销售总监,,\n"
               "欧阳娜娜,13800138000,,,,,重复的一行\n")


def _import_wizard_shots(app: QApplication, page: ContactsPage, root: Path, out: Path,
                         suffix: str) -> None:
    """The import wizard's mapping and preview steps, over a small file with a bad row and a match."""
    path = root / "展会名单.csv"
    path.write_text(IMPORT_FILE, encoding="gb18030")
    wizard = page.open_import()
    wizard.resize(860, 600)
    wizard.path.setText(str(path))
    wizard.forward.click()
    for name in ("mapping", "preview"):
        for _ in range(5):
            app.processEvents()
        wizard.grab().save(str(out / f"import-{name}-{suffix}.png"))
        wizard.forward.click()
    wizard.reject()


def _export_and_duplicates_shots(app: QApplication, shell: Shell, root: Path, out: Path,
                                 suffix: str) -> None:
    """The export dialog, and the Duplicates page comparing 张伟 with a "Zhang Wei" at the same
    company and email (typed in another case)."""
    workbench = shell.workbench
    assert workbench is not None
    workbench.search.field.clear()
    crm = workbench.crm
    for name, title, email, phone in (("张伟", "经理", "zw@minghua.cn", "138 0013 8000"),
                                      ("Zhang Wei", "总经理", "ZW@minghua.cn", "+86 139 0000 0000")):
        crm.contacts.add(ContactCreate(display_name=name, company_name="明华科技有限公司", title=title,
                                       emails=[Labeled(value=email)], phones=[Labeled(value=phone)]))
    dialog = workbench.contacts.open_export()  # type: ignore[attr-defined]
    dialog.path.setText(str(root / f"contacts-{suffix}.csv"))
    for _ in range(5):
        app.processEvents()
    dialog.grab().save(str(out / f"export-{suffix}.png"))
    dialog.reject()
    page = workbench.duplicates  # type: ignore[attr-defined]
    workbench.go_to(page)
    for _ in range(5):
        app.processEvents()
    for row in range(page.pairs.count()):
        if "Zhang Wei" in page.pairs.item(row).text():
            page.pairs.setCurrentRow(row)
    for _ in range(5):
        app.processEvents()
    shell.grab().save(str(out / f"duplicates-{suffix}.png"))


if __name__ == "__main__":
    raise SystemExit(main())
