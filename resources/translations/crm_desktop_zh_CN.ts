<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>BackupPage</name>
    <message>
        <source>Backups go to %1.</source>
        <translation>备份保存到 %1。</translation>
    </message>
    <message>
        <source>A backup is already being made.</source>
        <translation>正在进行一次备份。</translation>
    </message>
    <message>
        <source>Verifying %1…</source>
        <translation>正在校验 %1…</translation>
    </message>
    <message numerus="yes">
        <source>%n backup(s)</source>
        <translation>
            <numerusform>%n 个备份</numerusform>
        </translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>正在备份…</translation>
    </message>
    <message>
        <source>Backup made and verified: %1</source>
        <translation>备份已完成并通过校验：%1</translation>
    </message>
    <message>
        <source>%1 passed every check.</source>
        <translation>%1 通过了全部检查。</translation>
    </message>
    <message>
        <source>Verification failed: %1</source>
        <translation>校验失败：%1</translation>
    </message>
    <message>
        <source>This backup was made with other keys. Restore… asks for its passphrase or recovery key and checks it on the way.</source>
        <translation>此备份使用的是其他密钥。“恢复…”会询问它的口令或恢复密钥，并在过程中校验。</translation>
    </message>
    <message>
        <source>Checks of the backup made %1</source>
        <translation>%1 所做备份的检查结果</translation>
    </message>
    <message numerus="yes">
        <source> day(s)</source>
        <translation>
            <numerusform> 天</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> backup(s)</source>
        <translation>
            <numerusform> 个备份</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> week(s)</source>
        <translation>
            <numerusform> 周</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> month(s)</source>
        <translation>
            <numerusform> 个月</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose the backup folder</source>
        <translation>选择备份文件夹</translation>
    </message>
</context>
<context>
    <name>BackupScheduler</name>
    <message>
        <source>Backing up before closing…</source>
        <translation>关闭前正在备份…</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>备份</translation>
    </message>
</context>
<context>
    <name>BackupTexts</name>
    <message>
        <source>Last backup: %1</source>
        <translation>上次备份：%1</translation>
    </message>
    <message>
        <source>Backup failed: %1</source>
        <translation>备份失败：%1</translation>
    </message>
    <message>
        <source>today %1</source>
        <translation>今天 %1</translation>
    </message>
    <message>
        <source>yesterday %1</source>
        <translation>昨天 %1</translation>
    </message>
    <message>
        <source>today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>yesterday</source>
        <translation>昨天</translation>
    </message>
    <message>
        <source>%n day(s) ago</source>
        <translation>%n 天前</translation>
    </message>
    <message>
        <source>Backups: no folder chosen yet</source>
        <translation>备份：尚未选择文件夹</translation>
    </message>
    <message>
        <source>Backup folder not found — USB stick unplugged?</source>
        <translation>找不到备份文件夹——U 盘拔掉了吗？</translation>
    </message>
    <message>
        <source>No backup yet</source>
        <translation>还没有备份</translation>
    </message>
    <message>
        <source>Last backup: %1 — overdue</source>
        <translation>上次备份：%1——已逾期</translation>
    </message>
    <message>
        <source>No backup folder chosen yet. Choose one below: a USB stick or a cloud folder keeps a copy away from this computer.</source>
        <translation>尚未选择备份文件夹。请在下方选择：U 盘或云同步文件夹可以在这台电脑之外保留一份副本。</translation>
    </message>
    <message>
        <source>The backup folder %1 is not there. USB stick unplugged?</source>
        <translation>备份文件夹 %1 不存在。U 盘拔掉了吗？</translation>
    </message>
    <message>
        <source>No backup has been made yet.</source>
        <translation>还没有做过备份。</translation>
    </message>
    <message>
        <source>Last good backup: %1 (%2).</source>
        <translation>上次成功备份：%1（%2）。</translation>
    </message>
    <message>
        <source>That is more than %n day(s) ago: back up now.</source>
        <translation>已超过 %n 天：请立即备份。</translation>
    </message>
    <message>
        <source>Unexpected error (%1).</source>
        <translation>意外错误（%1）。</translation>
    </message>
    <message>
        <source>– %1 (not reached)</source>
        <translation>– %1（未进行）</translation>
    </message>
</context>
<context>
    <name>BackupView</name>
    <message>
        <source>No folder chosen yet</source>
        <translation>尚未选择文件夹</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Choose the folder backups are written to</source>
        <translation>选择保存备份的文件夹</translation>
    </message>
    <message>
        <source>A USB stick, an external disk or a cloud folder (Dropbox, OneDrive, Nextcloud). Backups stay encrypted there.</source>
        <translation>U 盘、移动硬盘或云同步文件夹（坚果云、OneDrive、Dropbox 等）。备份在那里仍是加密的。</translation>
    </message>
    <message>
        <source>Back up when the app closes</source>
        <translation>关闭应用时备份</translation>
    </message>
    <message>
        <source>Back up once a day while the app is open</source>
        <translation>应用打开时每天备份一次</translation>
    </message>
    <message>
        <source>Defaults: the newest 7, then one a day for 14 days, one a week for 8 weeks and one a month for 12 months — about 35 files. Older backups are deleted after each backup.</source>
        <translation>默认：保留最新 7 个，之后 14 天内每天一个、8 周内每周一个、12 个月内每月一个——约 35 个文件。每次备份后删除更旧的备份。</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>立即备份</translation>
    </message>
    <message>
        <source>Make and verify a backup now (Ctrl+B)</source>
        <translation>立即备份并校验（Ctrl+B）</translation>
    </message>
    <message>
        <source>Backups in this folder</source>
        <translation>此文件夹中的备份</translation>
    </message>
    <message>
        <source>Verify</source>
        <translation>校验</translation>
    </message>
    <message>
        <source>Check the selected backup end to end: readable, unaltered, opens with its key, every page sound</source>
        <translation>完整检查所选备份：可读、未被改动、能用其密钥打开、每一页都完好</translation>
    </message>
    <message>
        <source>Restore…</source>
        <translation>恢复…</translation>
    </message>
    <message>
        <source>Replace the current workspace with the selected backup</source>
        <translation>用所选备份替换当前工作区</translation>
    </message>
    <message>
        <source>Select a backup and press Verify to see its checks here.</source>
        <translation>选择一个备份并点击“校验”，检查结果会显示在这里。</translation>
    </message>
    <message>
        <source>Backup folder</source>
        <translation>备份文件夹</translation>
    </message>
    <message>
        <source>When</source>
        <translation>何时备份</translation>
    </message>
    <message>
        <source>Warn when the last backup is older than</source>
        <translation>上次备份早于以下时间时提醒</translation>
    </message>
    <message>
        <source>Which backups to keep</source>
        <translation>保留哪些备份</translation>
    </message>
    <message>
        <source>The newest</source>
        <translation>最新的</translation>
    </message>
    <message>
        <source>One a day for</source>
        <translation>每天一个，保留</translation>
    </message>
    <message>
        <source>One a week for</source>
        <translation>每周一个，保留</translation>
    </message>
    <message>
        <source>One a month for</source>
        <translation>每月一个，保留</translation>
    </message>
</context>
<context>
    <name>BackupsModel</name>
    <message>
        <source>Made</source>
        <translation>制作时间</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>%1 (this computer)</source>
        <translation>%1（本机）</translation>
    </message>
    <message>
        <source>Unreadable: %1</source>
        <translation>无法读取：%1</translation>
    </message>
    <message>
        <source>Not verified</source>
        <translation>未校验</translation>
    </message>
    <message>
        <source>Verified ✓ (this session)</source>
        <translation>已校验 ✓（本次运行）</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>失败：%1</translation>
    </message>
</context>
<context>
    <name>CompaniesModel</name>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>网站</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
</context>
<context>
    <name>CompaniesPage</name>
    <message numerus="yes">
        <source>%n company(s)</source>
        <translation>
            <numerusform>%n 家公司</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CompaniesView</name>
    <message>
        <source>New company</source>
        <translation>新建公司</translation>
    </message>
    <message>
        <source>New company (Ctrl+N)</source>
        <translation>新建公司（Ctrl+N）</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>标签</translation>
    </message>
</context>
<context>
    <name>CompanyEditor</name>
    <message>
        <source>New company</source>
        <translation>新建公司</translation>
    </message>
    <message>
        <source>Edit company</source>
        <translation>编辑公司</translation>
    </message>
</context>
<context>
    <name>CompanyFormView</name>
    <message>
        <source>e.g. www.example.com</source>
        <translation>例如 www.example.com</translation>
    </message>
    <message>
        <source>Comma-separated, e.g. VIP, 北京</source>
        <translation>用逗号分隔，例如 VIP，北京</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Move the company to the recycle bin</source>
        <translation>将公司移至回收站</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>网站</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
</context>
<context>
    <name>ContactEditor</name>
    <message>
        <source>New contact</source>
        <translation>新建联系人</translation>
    </message>
    <message>
        <source>Edit contact</source>
        <translation>编辑联系人</translation>
    </message>
    <message>
        <source>The person was erased.</source>
        <translation>此人已被彻底清除。</translation>
    </message>
</context>
<context>
    <name>ContactFormView</name>
    <message>
        <source>Company name (a new one is created)</source>
        <translation>公司名称（不存在时自动新建）</translation>
    </message>
    <message>
        <source>Comma-separated, e.g. VIP, 北京</source>
        <translation>用逗号分隔，例如 VIP，北京</translation>
    </message>
    <message>
        <source>A first note (optional)</source>
        <translation>第一条备注（可选）</translation>
    </message>
    <message>
        <source>Move to recycle bin</source>
        <translation>移到回收站</translation>
    </message>
    <message>
        <source>Export personal data…</source>
        <translation>导出个人数据…</translation>
    </message>
    <message>
        <source>Save everything held about this person as a JSON file (not encrypted), e.g. for an access request</source>
        <translation>将此人的全部数据保存为 JSON 文件（未加密），例如用于答复本人的查阅请求</translation>
    </message>
    <message>
        <source>Erase this person…</source>
        <translation>彻底清除此人…</translation>
    </message>
    <message>
        <source>Remove this person for good, e.g. when they ask to be forgotten. Cannot be undone.</source>
        <translation>永久清除此人，例如本人要求删除其个人信息时。此操作无法撤销。</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Family name</source>
        <translation>姓</translation>
    </message>
    <message>
        <source>Given name</source>
        <translation>名</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <source>Job title</source>
        <translation>职位</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>客户阶段</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>ContactsModel</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <source>Job title</source>
        <translation>职位</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>客户阶段</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
</context>
<context>
    <name>ContactsPage</name>
    <message numerus="yes">
        <source>%n contact(s)</source>
        <translation>
            <numerusform>%n 位联系人</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ContactsView</name>
    <message>
        <source>New contact</source>
        <translation>新建联系人</translation>
    </message>
    <message>
        <source>New contact (Ctrl+N)</source>
        <translation>新建联系人（Ctrl+N）</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <source>Import contacts from a CSV, Excel or vCard file (Ctrl+Shift+I)</source>
        <translation>从 CSV、Excel 或 vCard 文件导入联系人（Ctrl+Shift+I）</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Export contacts (CSV, Excel, vCard), reminders as a calendar, or everything as JSON</source>
        <translation>导出联系人（CSV、Excel、vCard），以日历格式导出跟进提醒，或以 JSON 导出全部数据</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>客户阶段</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
</context>
<context>
    <name>DealEditor</name>
    <message>
        <source>New deal</source>
        <translation>新建商机</translation>
    </message>
    <message>
        <source>Edit deal</source>
        <translation>编辑商机</translation>
    </message>
</context>
<context>
    <name>DealFormView</name>
    <message>
        <source>e.g. 50 office chairs</source>
        <translation>例如：50 把办公椅</translation>
    </message>
    <message>
        <source>Company name (created if new)</source>
        <translation>公司名称（不存在时自动新建）</translation>
    </message>
    <message>
        <source>e.g. 12000</source>
        <translation>例如 12000</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>No expected close date</source>
        <translation>无预计成交日期</translation>
    </message>
    <message>
        <source>e.g. Trade fair, website, referral</source>
        <translation>例如：展会、网站、转介绍</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>销售阶段</translation>
    </message>
    <message>
        <source>Expected close</source>
        <translation>预计成交日期</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
</context>
<context>
    <name>DealsBoard</name>
    <message numerus="yes">
        <source>… and %n more in the list</source>
        <translation>
            <numerusform>…列表中还有 %n 个</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n open deal(s)</source>
        <translation>
            <numerusform>%n 个进行中的商机</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DealsModel</name>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>销售阶段</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Expected close</source>
        <translation>预计成交日期</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
</context>
<context>
    <name>DealsPage</name>
    <message>
        <source>No deal selected</source>
        <translation>未选择商机</translation>
    </message>
    <message>
        <source>Select a card or a row to see its stage history.</source>
        <translation>选择卡片或行即可查看阶段变更记录。</translation>
    </message>
    <message>
        <source>By %1</source>
        <translation>操作人：%1</translation>
    </message>
    <message>
        <source>Stage: %1 (%2%)</source>
        <translation>销售阶段：%1（赢单概率 %2%）</translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation>状态：%1</translation>
    </message>
    <message>
        <source>Amount: %1</source>
        <translation>金额：%1</translation>
    </message>
    <message>
        <source>Expected close: %1</source>
        <translation>预计成交日期：%1</translation>
    </message>
    <message>
        <source>Owner: %1</source>
        <translation>负责人：%1</translation>
    </message>
    <message>
        <source>Lost because: %1</source>
        <translation>输单原因：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n open deal(s)</source>
        <translation>
            <numerusform>%n 个进行中的商机</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n deal(s)</source>
        <translation>
            <numerusform>%n 个商机</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DealsView</name>
    <message>
        <source>New deal</source>
        <translation>新建商机</translation>
    </message>
    <message>
        <source>New deal (Ctrl+N)</source>
        <translation>新建商机（Ctrl+N）</translation>
    </message>
    <message>
        <source>Board</source>
        <translation>看板</translation>
    </message>
    <message>
        <source>Pipeline board (Ctrl+Shift+B)</source>
        <translation>销售看板（Ctrl+Shift+B）</translation>
    </message>
    <message>
        <source>List</source>
        <translation>列表</translation>
    </message>
    <message>
        <source>All deals as a list (Ctrl+Shift+L)</source>
        <translation>以列表显示全部商机（Ctrl+Shift+L）</translation>
    </message>
    <message>
        <source>Won</source>
        <translation>赢单</translation>
    </message>
    <message>
        <source>Mark the selected deal won</source>
        <translation>将所选商机标记为赢单</translation>
    </message>
    <message>
        <source>Lost…</source>
        <translation>输单…</translation>
    </message>
    <message>
        <source>Mark the selected deal lost, with the reason</source>
        <translation>将所选商机标记为输单，并填写输单原因</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>重新打开</translation>
    </message>
    <message>
        <source>Put a won or lost deal back in the pipeline</source>
        <translation>将已赢单或已输单的商机恢复为进行中</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>销售阶段</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Stage history</source>
        <translation>阶段变更记录</translation>
    </message>
</context>
<context>
    <name>DuplicateHint</name>
    <message>
        <source>Possibly the same person as %1 (%2)</source>
        <translation>可能与“%1”是同一人（%2）</translation>
    </message>
    <message numerus="yes">
        <source>Possibly the same person as %1 (%2) and %n more</source>
        <translation>
            <numerusform>可能与“%1”是同一人（%2），另有 %n 位相似联系人</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DuplicateHintView</name>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Show that contact</source>
        <translation>显示该联系人</translation>
    </message>
    <message>
        <source>Compare…</source>
        <translation>对比…</translation>
    </message>
    <message>
        <source>Compare the two side by side on the Duplicates page; nothing is merged unless you choose to</source>
        <translation>在“重复联系人”页面并排对比这两位；除非您选择合并，否则不会合并任何内容</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>忽略</translation>
    </message>
</context>
<context>
    <name>DuplicatesPage</name>
    <message>
        <source>Looking for duplicates…</source>
        <translation>正在查找重复联系人…</translation>
    </message>
    <message numerus="yes">
        <source>%n likely duplicate(s)</source>
        <translation>
            <numerusform>%n 组疑似重复</numerusform>
        </translation>
    </message>
    <message>
        <source>Merge “%1” into “%2”?</source>
        <translation>将“%1”合并到“%2”？</translation>
    </message>
    <message>
        <source>Keep: %1</source>
        <translation>保留：%1</translation>
    </message>
    <message>
        <source>Merge in: %1</source>
        <translation>并入：%1</translation>
    </message>
    <message>
        <source>“%1”&apos;s deals, notes, reminders and service logs move to “%2”, and “%1” goes to the recycle bin. Emails, phones, addresses and other fields of both are kept (the chosen side&apos;s first). Ctrl+Z undoes the merge.</source>
        <translation>“%1”的商机、备注、跟进提醒和服务记录将转到“%2”名下，“%1”将移到回收站。双方的邮箱、电话、地址等字段都会保留（所选一方的排在前面）。按 Ctrl+Z 可撤销合并。</translation>
    </message>
    <message>
        <source>Merge “%1” into “%2”? “%1”&apos;s deals, notes, reminders and service logs move to “%2”. Ctrl+Z undoes it.</source>
        <translation>将“%1”合并到“%2”？“%1”的商机、备注、跟进提醒和服务记录将转到“%2”名下。按 Ctrl+Z 可撤销。</translation>
    </message>
    <message>
        <source>Merged. Undo with Ctrl+Z.</source>
        <translation>已合并。按 Ctrl+Z 可撤销。</translation>
    </message>
    <message>
        <source>Merge contacts</source>
        <translation>合并联系人</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <source>Job title</source>
        <translation>职位</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <source>Lead source</source>
        <translation>线索来源</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>客户阶段</translation>
    </message>
    <message>
        <source>Marketing consent</source>
        <translation>营销许可</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Emails</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <source>Phones</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Addresses</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Other fields</source>
        <translation>其他字段</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>same email</source>
        <translation>邮箱相同</translation>
    </message>
    <message>
        <source>same phone</source>
        <translation>电话相同</translation>
    </message>
    <message>
        <source>similar name, same company</source>
        <translation>姓名相似且同一公司</translation>
    </message>
</context>
<context>
    <name>DuplicatesView</name>
    <message>
        <source>Contacts that look like the same person. Pick one, choose which values to keep and merge them; nothing is merged on its own.</source>
        <translation>这些联系人看起来是同一个人。选中一组，挑选要保留的值后再合并；系统不会自动合并。</translation>
    </message>
    <message>
        <source>Merge…</source>
        <translation>合并…</translation>
    </message>
    <message>
        <source>Merge the two contacts into one (Enter). Ctrl+Z undoes it.</source>
        <translation>将这两位联系人合并为一位（Enter）。按 Ctrl+Z 可撤销。</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>暂不处理</translation>
    </message>
    <message>
        <source>Leave these two as they are and go to the next pair</source>
        <translation>保持这两位联系人不变，转到下一组</translation>
    </message>
    <message>
        <source>No likely duplicates. Well kept!</source>
        <translation>没有疑似重复的联系人。数据很整洁！</translation>
    </message>
</context>
<context>
    <name>EraseDialog</name>
    <message>
        <source>Erase “%1” for good?</source>
        <translation>要永久清除“%1”吗？</translation>
    </message>
    <message>
        <source>To confirm, type the name: %1</source>
        <translation>请输入姓名以确认：%1</translation>
    </message>
</context>
<context>
    <name>EraseDialogView</name>
    <message>
        <source>Erase this person</source>
        <translation>彻底清除此人</translation>
    </message>
    <message>
        <source>This cannot be undone: Ctrl+Z will not bring the person back.</source>
        <translation>此操作无法撤销：按 Ctrl+Z 也无法恢复此人。</translation>
    </message>
    <message>
        <source>• The contact, their notes, reminders and tags are deleted for good, and every earlier value of them is removed from the history.
• Their deals and service logs are kept without the person, so totals and counts stay right; their name, email and phone are cut out of those texts.
• Older backups still hold this person. Delete or replace those backups too if the person asked to be forgotten.</source>
        <translation>• 该联系人及其备注、跟进提醒和标签将被永久删除，历史记录中的所有旧值也会一并移除。
• 其商机和服务记录会保留，但不再关联此人，因此总额和数量依然准确；这些记录文字中的姓名、邮箱和电话会被删去。
• 较早的备份中仍有此人的数据。如果此人要求删除其个人信息，请同时删除或替换这些备份。</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Erase for good</source>
        <translation>永久清除</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>CSV (opens in Excel and WPS)</source>
        <translation>CSV（可用 Excel 和 WPS 打开）</translation>
    </message>
    <message>
        <source>Excel workbook (.xlsx)</source>
        <translation>Excel 工作簿 (.xlsx)</translation>
    </message>
    <message>
        <source>vCard (.vcf) for phones and mail programs</source>
        <translation>vCard (.vcf)，适用于手机和邮件程序</translation>
    </message>
    <message>
        <source>UTF-8, for Excel and most programs</source>
        <translation>UTF-8，适用于 Excel 和大多数程序</translation>
    </message>
    <message>
        <source>GBK, for older Chinese software</source>
        <translation>GBK，适用于较旧的中文软件</translation>
    </message>
    <message>
        <source>Export to</source>
        <translation>导出到</translation>
    </message>
    <message>
        <source>Choose the file to export to.</source>
        <translation>请选择要导出到的文件。</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n contact(s) to %1.</source>
        <translation>
            <numerusform>已将 %n 位联系人导出到 %1。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n reminder(s) to %1.</source>
        <translation>
            <numerusform>已将 %n 条跟进提醒导出到 %1。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n record(s) to %1.</source>
        <translation>
            <numerusform>已将 %n 条记录导出到 %1。</numerusform>
        </translation>
    </message>
    <message>
        <source>The export could not be made (%1). No file was written.</source>
        <translation>无法导出（%1）。未写入任何文件。</translation>
    </message>
</context>
<context>
    <name>ExportDialogView</name>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Open reminders, as a calendar (.ics)</source>
        <translation>未完成的跟进提醒，日历格式 (.ics)</translation>
    </message>
    <message>
        <source>The whole workspace, as JSON</source>
        <translation>整个工作区，JSON 格式</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>The exported file is NOT encrypted: anyone who gets it can read it. Keep it safe and delete it when you are done.</source>
        <translation>注意：导出的文件未加密，任何拿到文件的人都能读取其内容。请妥善保管，用完后立即删除。</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <source>Encoding</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>客户阶段</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
</context>
<context>
    <name>FirstRunView</name>
    <message>
        <source>Welcome</source>
        <translation>欢迎使用</translation>
    </message>
    <message>
        <source>Print the recovery key…</source>
        <translation>打印恢复密钥…</translation>
    </message>
    <message>
        <source>I have printed or written down the recovery key and keep it away from this computer</source>
        <translation>我已打印或抄下恢复密钥，并存放在这台电脑以外的地方</translation>
    </message>
    <message>
        <source>Start with sample data (a demo business to look around in)</source>
        <translation>使用示例数据开始（一个可供随意浏览的演示企业）</translation>
    </message>
    <message>
        <source>Start empty</source>
        <translation>从空白开始</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>The language of every screen and report.</source>
        <translation>所有界面和报表使用的语言。</translation>
    </message>
    <message>
        <source>Your business</source>
        <translation>您的企业</translation>
    </message>
    <message>
        <source>Business name</source>
        <translation>企业名称</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>货币</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Your data is encrypted with this passphrase. Without it or the recovery key shown next, nobody — not even us — can recover your data.</source>
        <translation>您的数据使用此密码加密。没有此密码或下一步显示的恢复密钥，任何人（包括我们）都无法恢复您的数据。</translation>
    </message>
    <message>
        <source>Again</source>
        <translation>确认密码</translation>
    </message>
    <message>
        <source>Strength</source>
        <translation>密码强度</translation>
    </message>
    <message>
        <source>Recovery key</source>
        <translation>恢复密钥</translation>
    </message>
    <message>
        <source>If you forget the passphrase, this key is the only way back in. It is shown only now.</source>
        <translation>如果忘记密码，此密钥是重新进入工作区的唯一途径。它只在此时显示这一次。</translation>
    </message>
    <message>
        <source>Your data</source>
        <translation>您的数据</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <source>Your encrypted data will be kept in: %1</source>
        <translation>加密数据将保存在：%1</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
        <source>too short</source>
        <translation>太短</translation>
    </message>
    <message>
        <source>weak</source>
        <translation>弱</translation>
    </message>
    <message>
        <source>fair</source>
        <translation>一般</translation>
    </message>
    <message>
        <source>good</source>
        <translation>良好</translation>
    </message>
    <message>
        <source>strong</source>
        <translation>强</translation>
    </message>
    <message>
        <source>crm_desktop recovery key

%1

Keep this paper safe and away from the computer.</source>
        <translation>crm_desktop 恢复密钥

%1

请妥善保管这张纸，不要与电脑放在一起。</translation>
    </message>
</context>
<context>
    <name>ImportFinish</name>
    <message>
        <source>Stopping… nothing will be kept.</source>
        <translation>正在停止…不会保留任何内容。</translation>
    </message>
    <message>
        <source>&amp;Next &gt;</source>
        <translation>下一步(&amp;N) &gt;</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>停止(&amp;S)</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <source>Nothing is kept until every row is written; Stop leaves the workspace as it was.</source>
        <translation>所有行写入完成之前不会保存任何内容；点击“停止”，工作区将保持原样。</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>All rows were written as one import. “Undo this import” moves its new contacts to the recycle bin and sets its updates back.</source>
        <translation>所有行已作为一次导入写入。“撤销本次导入”会将新增的联系人移到回收站，并还原所做的更新。</translation>
    </message>
    <message>
        <source>Nothing was imported: the workspace is as it was.</source>
        <translation>未导入任何内容：工作区保持原样。</translation>
    </message>
    <message>
        <source>Import stopped</source>
        <translation>导入已停止</translation>
    </message>
    <message>
        <source>The import failed</source>
        <translation>导入失败</translation>
    </message>
    <message>
        <source>Undone</source>
        <translation>已撤销</translation>
    </message>
    <message>
        <source>Import undone</source>
        <translation>已撤销导入</translation>
    </message>
    <message>
        <source>The import was undone: its new contacts are in the recycle bin and its updates are set back.</source>
        <translation>已撤销本次导入：新增的联系人已移到回收站，所做的更新已还原。</translation>
    </message>
</context>
<context>
    <name>ImportPreviewModel</name>
    <message>
        <source>New contact</source>
        <translation>新建联系人</translation>
    </message>
    <message>
        <source>Update</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>跳过</translation>
    </message>
    <message>
        <source>Left out (invalid)</source>
        <translation>不导入（无效）</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>行号</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>ImportTexts</name>
    <message>
        <source>comma</source>
        <translation>逗号</translation>
    </message>
    <message>
        <source>semicolon</source>
        <translation>分号</translation>
    </message>
    <message>
        <source>tab</source>
        <translation>制表符</translation>
    </message>
    <message>
        <source>Excel workbook</source>
        <translation>Excel 工作簿</translation>
    </message>
    <message>
        <source>sheet “%1”</source>
        <translation>工作表“%1”</translation>
    </message>
    <message>
        <source>this app&apos;s workspace export (JSON)</source>
        <translation>本应用导出的工作区（JSON）</translation>
    </message>
    <message>
        <source>%1 row(s)</source>
        <translation>%1 行</translation>
    </message>
    <message>
        <source>Read as: %1</source>
        <translation>识别为：%1</translation>
    </message>
    <message>
        <source>Choose a field for at least one column: as it is, nothing would be imported.</source>
        <translation>请至少为一列选择字段：按当前设置，不会导入任何内容。</translation>
    </message>
    <message>
        <source>“%1” is chosen for several columns (%2). Choose it for one column only.</source>
        <translation>多列（%2）都选择了“%1”。请只为其中一列选择它。</translation>
    </message>
    <message>
        <source>%1 new, %2 to update, %3 skipped (already here or repeated in the file), %4 invalid.</source>
        <translation>新增 %1 条，更新 %2 条，跳过 %3 条（已存在或在文件中重复），无效 %4 条。</translation>
    </message>
    <message>
        <source>%1 row(s) cannot be imported; the table below says why. They will be left out: nothing is imported unless you accept that.</source>
        <translation>有 %1 行无法导入，原因见下表。这些行将不予导入：只有在您同意略过它们之后，才会开始导入。</translation>
    </message>
    <message>
        <source>Nothing to import</source>
        <translation>没有可导入的内容</translation>
    </message>
    <message>
        <source>Import %1 contact(s)</source>
        <translation>导入 %1 位联系人</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>Choose the file to import</source>
        <translation>选择要导入的文件</translation>
    </message>
    <message>
        <source>Contact files (*.csv *.txt *.xlsx *.vcf *.json);;All files (*)</source>
        <translation>联系人文件 (*.csv *.txt *.xlsx *.vcf *.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Choose the file to import.</source>
        <translation>请选择要导入的文件。</translation>
    </message>
    <message>
        <source>Reading the file…</source>
        <translation>正在读取文件…</translation>
    </message>
    <message>
        <source>The file names its columns but has no rows to import.</source>
        <translation>文件中只有列名，没有可导入的行。</translation>
    </message>
    <message>
        <source>First sheet</source>
        <translation>第一个工作表</translation>
    </message>
    <message>
        <source>Import column %1 as</source>
        <translation>将列“%1”导入为</translation>
    </message>
    <message>
        <source>Saved as “%1”: choose it on the first step next time.</source>
        <translation>已保存为“%1”：下次可在第一步中选择它。</translation>
    </message>
    <message>
        <source>Checking the rows…</source>
        <translation>正在检查各行…</translation>
    </message>
    <message>
        <source>Checking row %1 of %2…</source>
        <translation>正在检查第 %1 行（共 %2 行）…</translation>
    </message>
    <message>
        <source>Every row of the file:</source>
        <translation>文件中的所有行：</translation>
    </message>
    <message>
        <source>Rows that are not simply new contacts:</source>
        <translation>不属于直接新增联系人的行：</translation>
    </message>
    <message>
        <source>Every row is a new contact.</source>
        <translation>每一行都是新联系人。</translation>
    </message>
</context>
<context>
    <name>ImportWizardView</name>
    <message>
        <source>Import contacts</source>
        <translation>导入联系人</translation>
    </message>
    <message>
        <source>&lt; &amp;Back</source>
        <translation>&lt; 上一步(&amp;B)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>A CSV, Excel (.xlsx) or vCard (.vcf) file</source>
        <translation>CSV、Excel (.xlsx) 或 vCard (.vcf) 文件</translation>
    </message>
    <message>
        <source>&amp;Choose…</source>
        <translation>选择(&amp;C)…</translation>
    </message>
    <message>
        <source>Detect</source>
        <translation>自动识别</translation>
    </message>
    <message>
        <source>Excel (.xlsx)</source>
        <translation>Excel (.xlsx)</translation>
    </message>
    <message>
        <source>JSON (this app&apos;s workspace export)</source>
        <translation>JSON（本应用导出的工作区）</translation>
    </message>
    <message>
        <source>Big5 (Traditional Chinese)</source>
        <translation>Big5（繁体中文）</translation>
    </message>
    <message>
        <source>Western (Windows-1252)</source>
        <translation>西欧语言 (Windows-1252)</translation>
    </message>
    <message>
        <source>Comma ,</source>
        <translation>逗号 ,</translation>
    </message>
    <message>
        <source>Semicolon ;</source>
        <translation>分号 ;</translation>
    </message>
    <message>
        <source>Tab</source>
        <translation>制表符</translation>
    </message>
    <message>
        <source>First sheet</source>
        <translation>第一个工作表</translation>
    </message>
    <message>
        <source>Suggested from the column names</source>
        <translation>根据列名自动匹配</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>F&amp;ormat</source>
        <translation>格式(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Encoding</source>
        <translation>编码(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Delimiter</source>
        <translation>分隔符(&amp;D)</translation>
    </message>
    <message>
        <source>S&amp;heet</source>
        <translation>工作表(&amp;H)</translation>
    </message>
    <message>
        <source>Column &amp;mapping</source>
        <translation>列映射(&amp;M)</translation>
    </message>
    <message>
        <source>Choose the file to import</source>
        <translation>选择要导入的文件</translation>
    </message>
    <message>
        <source>Column in the file</source>
        <translation>文件中的列</translation>
    </message>
    <message>
        <source>First values</source>
        <translation>示例值</translation>
    </message>
    <message>
        <source>Import as</source>
        <translation>导入为</translation>
    </message>
    <message>
        <source>e.g. Exhibition list</source>
        <translation>例如：展会名单</translation>
    </message>
    <message>
        <source>&amp;Save mapping</source>
        <translation>保存映射(&amp;S)</translation>
    </message>
    <message>
        <source>Save this mapping &amp;as</source>
        <translation>将此映射另存为(&amp;A)</translation>
    </message>
    <message>
        <source>Choose the contact field each column fills; columns set to &quot;(do not import)&quot; are left out.</source>
        <translation>为每一列选择要填入的联系人字段；设为“（不导入）”的列将被忽略。</translation>
    </message>
    <message>
        <source>Match the columns to contact fields</source>
        <translation>将各列对应到联系人字段</translation>
    </message>
    <message>
        <source>Import the &amp;valid rows and leave the invalid ones out</source>
        <translation>导入有效行，略过无效行(&amp;V)</translation>
    </message>
    <message>
        <source>Show a&amp;ll rows</source>
        <translation>显示全部行(&amp;L)</translation>
    </message>
    <message>
        <source>Check before importing</source>
        <translation>导入前检查</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <source>Import finished</source>
        <translation>导入完成</translation>
    </message>
    <message>
        <source>New contacts</source>
        <translation>新增联系人</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>已更新</translation>
    </message>
    <message>
        <source>Skipped (already here)</source>
        <translation>已跳过（已存在）</translation>
    </message>
    <message>
        <source>Left out (invalid)</source>
        <translation>不导入（无效）</translation>
    </message>
    <message>
        <source>&amp;Undo this import</source>
        <translation>撤销本次导入(&amp;U)</translation>
    </message>
</context>
<context>
    <name>LostReasonView</name>
    <message>
        <source>Deal lost</source>
        <translation>商机输单</translation>
    </message>
    <message>
        <source>Why was “%1” lost?</source>
        <translation>商机“%1”为什么输单？</translation>
    </message>
    <message>
        <source>For example: price too high, chose a competitor</source>
        <translation>例如：价格太高、选择了竞争对手</translation>
    </message>
    <message>
        <source>Mark lost</source>
        <translation>标记输单</translation>
    </message>
</context>
<context>
    <name>PrivacyActions</name>
    <message>
        <source>Saved %1. The file is NOT encrypted: keep it safe.</source>
        <translation>已保存 %1。注意：该文件未加密，请妥善保管。</translation>
    </message>
    <message>
        <source>Export personal data</source>
        <translation>导出个人数据</translation>
    </message>
    <message>
        <source>The file will hold everything stored about this person and is NOT encrypted. Hand it over safely and delete your copy afterwards.</source>
        <translation>该文件将包含此人的全部数据，且未加密。请通过安全的方式交给对方，交付后删除您手中的副本。</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>JSON 文件 (*.json)</translation>
    </message>
</context>
<context>
    <name>QuickActionView</name>
    <message>
        <source>Log a call</source>
        <translation>记录通话</translation>
    </message>
    <message>
        <source>Add a note</source>
        <translation>添加备注</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>跟进</translation>
    </message>
    <message>
        <source>New deal</source>
        <translation>新建商机</translation>
    </message>
    <message>
        <source>Service log</source>
        <translation>服务记录</translation>
    </message>
    <message>
        <source>Profile PDF…</source>
        <translation>档案 PDF…</translation>
    </message>
    <message>
        <source>Make a printable PDF profile of this record</source>
        <translation>为此记录生成可打印的 PDF 档案</translation>
    </message>
    <message>
        <source>e.g. 12000</source>
        <translation>例如 12000</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>到期时间</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
</context>
<context>
    <name>QuickActions</name>
    <message>
        <source>Log a call</source>
        <translation>记录通话</translation>
    </message>
    <message>
        <source>What was discussed?</source>
        <translation>聊了什么？</translation>
    </message>
    <message>
        <source>Add a note</source>
        <translation>添加备注</translation>
    </message>
    <message>
        <source>Write a note…</source>
        <translation>写点备注…</translation>
    </message>
    <message>
        <source>Add a follow-up</source>
        <translation>添加跟进提醒</translation>
    </message>
    <message>
        <source>e.g. Call back about the quote</source>
        <translation>例如：就报价回电</translation>
    </message>
    <message>
        <source>New deal</source>
        <translation>新建商机</translation>
    </message>
    <message>
        <source>New service log</source>
        <translation>新建服务记录</translation>
    </message>
</context>
<context>
    <name>RecordList</name>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
</context>
<context>
    <name>RecordListView</name>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
</context>
<context>
    <name>ReminderBannerView</name>
    <message>
        <source>Snooze 10 min</source>
        <translation>10 分钟后提醒</translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation>1 小时后</translation>
    </message>
    <message>
        <source>Tomorrow</source>
        <translation>明天</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>ReminderNotifier</name>
    <message>
        <source>Overdue reminders</source>
        <translation>已逾期的跟进提醒</translation>
    </message>
    <message numerus="yes">
        <source> (+%n more)</source>
        <translation>
            <numerusform>（还有 %n 条）</numerusform>
        </translation>
    </message>
    <message>
        <source>Reminder: %1</source>
        <translation>跟进提醒：%1</translation>
    </message>
    <message>
        <source>Due %1</source>
        <translation>到期时间：%1</translation>
    </message>
    <message>
        <source>Missed while the app was closed</source>
        <translation>应用关闭期间错过的跟进提醒</translation>
    </message>
    <message numerus="yes">
        <source>%n reminder(s) became due while the app was closed.</source>
        <translation>
            <numerusform>应用关闭期间有 %n 条跟进提醒到期。</numerusform>
        </translation>
    </message>
    <message>
        <source>Reminder</source>
        <translation>跟进提醒</translation>
    </message>
    <message>
        <source>Reminders</source>
        <translation>跟进提醒</translation>
    </message>
    <message numerus="yes">
        <source>%n reminder(s) are due.</source>
        <translation>
            <numerusform>有 %n 条跟进提醒已到期。</numerusform>
        </translation>
    </message>
    <message>
        <source>CRM reminders</source>
        <translation>CRM 跟进提醒</translation>
    </message>
</context>
<context>
    <name>RemindersModel</name>
    <message>
        <source>hourly</source>
        <translation>每小时</translation>
    </message>
    <message>
        <source>daily</source>
        <translation>每天</translation>
    </message>
    <message>
        <source>weekly</source>
        <translation>每周</translation>
    </message>
    <message>
        <source>monthly</source>
        <translation>每月</translation>
    </message>
    <message>
        <source>yearly</source>
        <translation>每年</translation>
    </message>
    <message>
        <source>every %n hours</source>
        <translation>每 %n 小时</translation>
    </message>
    <message>
        <source>every %n days</source>
        <translation>每 %n 天</translation>
    </message>
    <message>
        <source>every %n weeks</source>
        <translation>每 %n 周</translation>
    </message>
    <message>
        <source>every %n months</source>
        <translation>每 %n 个月</translation>
    </message>
    <message>
        <source>every %n years</source>
        <translation>每 %n 年</translation>
    </message>
    <message>
        <source>Reminder</source>
        <translation>跟进提醒</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>到期时间</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Repeats</source>
        <translation>重复</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <source>snoozed</source>
        <translation>稍后提醒</translation>
    </message>
    <message>
        <source>due</source>
        <translation>待办</translation>
    </message>
</context>
<context>
    <name>RemindersPage</name>
    <message>
        <source>Due today</source>
        <translation>今天到期</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>本周</translation>
    </message>
    <message>
        <source>All open</source>
        <translation>全部未完成</translation>
    </message>
    <message numerus="yes">
        <source>%n reminder(s)</source>
        <translation>
            <numerusform>%n 条跟进提醒</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RemindersView</name>
    <message>
        <source>Show done</source>
        <translation>显示已完成</translation>
    </message>
    <message>
        <source>Also list reminders already marked done</source>
        <translation>同时列出已标记完成的提醒</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Mark done (Ctrl+D)</source>
        <translation>标记为已完成（Ctrl+D）</translation>
    </message>
    <message>
        <source>Snooze 10 min</source>
        <translation>10 分钟后提醒</translation>
    </message>
    <message>
        <source>Snooze 1 hour</source>
        <translation>1 小时后提醒</translation>
    </message>
    <message>
        <source>Tomorrow 09:00</source>
        <translation>明天 09:00</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Move to the recycle bin (Del)</source>
        <translation>移至回收站（Del）</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <source>Last month</source>
        <translation>上月</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>最近 30 天</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>今年</translation>
    </message>
    <message>
        <source>Sent to the printer through your PDF viewer.</source>
        <translation>已通过 PDF 阅读器发送到打印机。</translation>
    </message>
    <message>
        <source>Opened in your PDF viewer: print it from there.</source>
        <translation>已在 PDF 阅读器中打开：请在那里打印。</translation>
    </message>
    <message>
        <source>Sent to %1.</source>
        <translation>已发送到 %1。</translation>
    </message>
    <message>
        <source>the printer</source>
        <translation>打印机</translation>
    </message>
    <message>
        <source>A4</source>
        <translation>A4</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>Letter（信纸）</translation>
    </message>
    <message>
        <source>The two passwords differ: type the same password twice.</source>
        <translation>两次输入的密码不一致：请输入两次相同的密码。</translation>
    </message>
    <message>
        <source>Making the PDF…</source>
        <translation>正在生成 PDF…</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <source>Cancelled: no PDF was written.</source>
        <translation>已取消：没有写入 PDF。</translation>
    </message>
    <message>
        <source>The PDF could not be written: %1</source>
        <translation>无法写入 PDF：%1</translation>
    </message>
    <message>
        <source>The report could not be made (%1). Nothing was written.</source>
        <translation>无法生成报表（%1）。没有写入任何文件。</translation>
    </message>
    <message>
        <source>Printing failed: %1</source>
        <translation>打印失败：%1</translation>
    </message>
    <message>
        <source>Save the report as</source>
        <translation>报表另存为</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
</context>
<context>
    <name>ReportsView</name>
    <message>
        <source>Names, pinyin, phones…</source>
        <translation>姓名、拼音、电话…</translation>
    </message>
    <message>
        <source>Type a name and pick the contact</source>
        <translation>输入姓名并选择联系人</translation>
    </message>
    <message>
        <source>Type a name and pick the company</source>
        <translation>输入名称并选择公司</translation>
    </message>
    <message>
        <source>This report takes no filters.</source>
        <translation>此报表没有筛选条件。</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>可选</translation>
    </message>
    <message>
        <source>Reports hold customer data: protect a PDF that leaves this computer with a password.</source>
        <translation>报表包含客户数据：要带离这台电脑的 PDF 请设置密码保护。</translation>
    </message>
    <message>
        <source>Generate…</source>
        <translation>生成…</translation>
    </message>
    <message>
        <source>Make the PDF and choose where to save it (Ctrl+P)</source>
        <translation>生成 PDF 并选择保存位置（Ctrl+P）</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Open the PDF in your PDF viewer</source>
        <translation>在 PDF 阅读器中打开</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>Filters</source>
        <translation>筛选条件</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>统计期间</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Lifecycle stage</source>
        <translation>客户阶段</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <source>PDF</source>
        <translation>PDF</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Paper</source>
        <translation>纸张</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Password again</source>
        <translation>再次输入密码</translation>
    </message>
</context>
<context>
    <name>RestoreWizard</name>
    <message>
        <source>Check and continue</source>
        <translation>检查并继续</translation>
    </message>
    <message>
        <source>app %1, data format %2 (this app: %3)</source>
        <translation>应用 %1，数据格式 %2（本应用：%3）</translation>
    </message>
    <message>
        <source>Restoring replaces everything in the current workspace with this backup: changes made after %1 are lost. A safety copy of the current workspace is kept in %2.</source>
        <translation>恢复会用此备份替换当前工作区的全部内容：%1 之后所做的更改将丢失。当前工作区的安全副本保留在 %2。</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Companies</source>
        <translation>公司</translation>
    </message>
    <message>
        <source>Deals</source>
        <translation>商机</translation>
    </message>
    <message>
        <source>Service logs</source>
        <translation>服务记录</translation>
    </message>
    <message>
        <source>Reminders</source>
        <translation>提醒</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Enter the recovery key.</source>
        <translation>请输入恢复密钥。</translation>
    </message>
    <message>
        <source>Enter the passphrase.</source>
        <translation>请输入口令。</translation>
    </message>
    <message>
        <source>The backup passed all %1 checks and is ready.</source>
        <translation>备份通过了全部 %1 项检查，可以恢复。</translation>
    </message>
    <message>
        <source>After the restore, the workspace opens with the passphrase and recovery key that were valid when the backup was made.</source>
        <translation>恢复之后，工作区将使用制作备份时有效的口令和恢复密钥打开。</translation>
    </message>
    <message>
        <source>Replace the workspace</source>
        <translation>替换工作区</translation>
    </message>
    <message>
        <source>This backup cannot be restored</source>
        <translation>无法恢复此备份</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>RestoreWizardView</name>
    <message>
        <source>Restore a backup</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>口令</translation>
    </message>
    <message>
        <source>Recovery key</source>
        <translation>恢复密钥</translation>
    </message>
    <message>
        <source>The passphrase when the backup was made</source>
        <translation>制作备份时的口令</translation>
    </message>
    <message>
        <source>As printed, e.g. K7QD-2M9F-…</source>
        <translation>按打印的内容输入，例如 K7QD-2M9F-…</translation>
    </message>
    <message>
        <source>Checking the backup…</source>
        <translation>正在检查备份…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Made</source>
        <translation>制作时间</translation>
    </message>
    <message>
        <source>On</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Holds</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Restore this backup?</source>
        <translation>恢复此备份？</translation>
    </message>
    <message>
        <source>This backup has other keys</source>
        <translation>此备份使用其他密钥</translation>
    </message>
    <message>
        <source>Ready to restore</source>
        <translation>可以恢复</translation>
    </message>
</context>
<context>
    <name>SearchBox</name>
    <message>
        <source>Search names, pinyin, phones, notes… (Ctrl+K)</source>
        <translation>搜索姓名、拼音、电话、备注…（Ctrl+K）</translation>
    </message>
    <message>
        <source>No matches</source>
        <translation>没有匹配结果</translation>
    </message>
</context>
<context>
    <name>ServiceEditor</name>
    <message>
        <source>New service log</source>
        <translation>新建服务记录</translation>
    </message>
    <message>
        <source>Service log</source>
        <translation>服务记录</translation>
    </message>
    <message>
        <source>Pick a contact from the list, or clear the field.</source>
        <translation>请从列表中选择联系人，或清空此字段。</translation>
    </message>
    <message>
        <source>Not rated</source>
        <translation>未评分</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>受理于 %1</translation>
    </message>
    <message>
        <source>resolved %1</source>
        <translation>解决于 %1</translation>
    </message>
</context>
<context>
    <name>ServiceFormView</name>
    <message>
        <source>Type a name, pinyin or phone to find a contact</source>
        <translation>输入姓名、拼音或电话查找联系人</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Move the service log to the recycle bin</source>
        <translation>将服务记录移至回收站</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>分类</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
</context>
<context>
    <name>ServiceModel</name>
    <message>
        <source>Subject</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>受理时间</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>解决时间</translation>
    </message>
    <message>
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
</context>
<context>
    <name>ServicePage</name>
    <message numerus="yes">
        <source>%n service log(s)</source>
        <translation>
            <numerusform>%n 条服务记录</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ServiceView</name>
    <message>
        <source>New service log</source>
        <translation>新建服务记录</translation>
    </message>
    <message>
        <source>New service log (Ctrl+N)</source>
        <translation>新建服务记录（Ctrl+N）</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Saved. The new language applies at the next start.</source>
        <translation>已保存。新语言将在下次启动时生效。</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <source>Logo saved. Reports print it from now on.</source>
        <translation>标志已保存。今后的报表都会印上它。</translation>
    </message>
    <message>
        <source>Logo removed.</source>
        <translation>标志已移除。</translation>
    </message>
    <message>
        <source>No logo</source>
        <translation>无标志</translation>
    </message>
    <message>
        <source>Choose the logo</source>
        <translation>选择标志</translation>
    </message>
    <message>
        <source>Pictures (*.png *.jpg *.jpeg)</source>
        <translation>图片 (*.png *.jpg *.jpeg)</translation>
    </message>
</context>
<context>
    <name>SettingsView</name>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从不</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Save settings</source>
        <translation>保存设置</translation>
    </message>
    <message>
        <source>Business (stored in the encrypted workspace)</source>
        <translation>企业信息（保存在加密工作区中）</translation>
    </message>
    <message>
        <source>Business name</source>
        <translation>企业名称</translation>
    </message>
    <message>
        <source>Default currency</source>
        <translation>默认货币</translation>
    </message>
    <message>
        <source>Default phone region</source>
        <translation>默认电话地区</translation>
    </message>
    <message>
        <source>Logo (on reports)</source>
        <translation>标志（印在报表上）</translation>
    </message>
    <message>
        <source>This computer</source>
        <translation>本机</translation>
    </message>
    <message>
        <source>Lock after idle time</source>
        <translation>闲置后自动锁定</translation>
    </message>
    <message>
        <source>Language (after a restart)</source>
        <translation>语言（重启后生效）</translation>
    </message>
</context>
<context>
    <name>Shell</name>
    <message>
        <source>CRM</source>
        <translation>CRM</translation>
    </message>
    <message>
        <source>Unlocked. Ctrl+L locks, Ctrl+K searches.</source>
        <translation>已解锁。按 Ctrl+L 锁定，按 Ctrl+K 搜索。</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Backup restored. The previous workspace is kept in %1.</source>
        <translation>备份已恢复。原工作区保留在 %1。</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Search everything</source>
        <translation>全局搜索</translation>
    </message>
    <message>
        <source>New record on the current page</source>
        <translation>在当前页面新建记录</translation>
    </message>
    <message>
        <source>Undo the last change</source>
        <translation>撤销上一次更改</translation>
    </message>
    <message>
        <source>Lock now</source>
        <translation>立即锁定</translation>
    </message>
    <message>
        <source>Go to a page (in the order of the navigation)</source>
        <translation>转到页面（按导航栏顺序）</translation>
    </message>
    <message>
        <source>Add a follow-up for the open contact</source>
        <translation>为当前联系人添加跟进提醒</translation>
    </message>
    <message>
        <source>Log a call on the open contact or company</source>
        <translation>为当前联系人或公司记录通话</translation>
    </message>
    <message>
        <source>Add a note to the open contact or company</source>
        <translation>为当前联系人或公司添加备注</translation>
    </message>
    <message>
        <source>New deal for the open contact or company</source>
        <translation>为当前联系人或公司新建商机</translation>
    </message>
    <message>
        <source>New service log for the open contact</source>
        <translation>为当前联系人新建服务记录</translation>
    </message>
    <message>
        <source>Deals: board / list</source>
        <translation>商机：看板 / 列表</translation>
    </message>
    <message>
        <source>Reminders: mark the selected one done</source>
        <translation>跟进提醒：将选中的标记为完成</translation>
    </message>
    <message>
        <source>Reports: generate the chosen report</source>
        <translation>报表：生成所选报表</translation>
    </message>
    <message>
        <source>Backup: back up now</source>
        <translation>备份：立即备份</translation>
    </message>
    <message>
        <source>This list</source>
        <translation>显示此快捷键列表</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
</context>
<context>
    <name>Timeline</name>
    <message>
        <source>Service log · %1 · %2</source>
        <translation>服务记录 · %1 · %2</translation>
    </message>
    <message>
        <source>Deal · %1 · %2</source>
        <translation>商机 · %1 · %2</translation>
    </message>
    <message>
        <source>Person · %1</source>
        <translation>联系人 · %1</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Follow-up · due %1 · done</source>
        <translation>跟进 · %1 到期 · 已完成</translation>
    </message>
    <message>
        <source>Follow-up · due %1</source>
        <translation>跟进 · %1 到期</translation>
    </message>
    <message>
        <source>someone</source>
        <translation>某人</translation>
    </message>
    <message>
        <source>by %1</source>
        <translation>由 %1</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>TimelinePanel</name>
    <message>
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
    <message>
        <source>Select a company to see its timeline.</source>
        <translation>选择一家公司以查看其时间线。</translation>
    </message>
    <message>
        <source>Select a contact to see its timeline.</source>
        <translation>选择一位联系人以查看其时间线。</translation>
    </message>
    <message>
        <source>Nothing recorded yet: use the buttons above.</source>
        <translation>还没有记录：用上面的按钮添加。</translation>
    </message>
</context>
<context>
    <name>TodayPage</name>
    <message>
        <source>Updating…</source>
        <translation>正在更新…</translation>
    </message>
    <message>
        <source>Today, %1</source>
        <translation>今天，%1</translation>
    </message>
    <message>
        <source>Overdue · %1</source>
        <translation>已逾期 · %1</translation>
    </message>
    <message>
        <source>Follow-ups due (%1)</source>
        <translation>到期跟进（%1）</translation>
    </message>
</context>
<context>
    <name>TodayView</name>
    <message>
        <source>Open pipeline value</source>
        <translation>进行中商机总额</translation>
    </message>
    <message>
        <source>Deals won this month</source>
        <translation>本月赢单商机</translation>
    </message>
    <message>
        <source>Open service logs</source>
        <translation>未结服务记录</translation>
    </message>
    <message>
        <source>Follow-ups due</source>
        <translation>到期跟进</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>到期时间</translation>
    </message>
    <message>
        <source>Reminder</source>
        <translation>跟进提醒</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Open service logs by priority</source>
        <translation>未结服务记录（按优先级）</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Deals expected to close this month</source>
        <translation>预计本月成交的商机</translation>
    </message>
    <message>
        <source>Deal</source>
        <translation>商机</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Expected close</source>
        <translation>预计成交日期</translation>
    </message>
</context>
<context>
    <name>TrashModel</name>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>删除时间</translation>
    </message>
</context>
<context>
    <name>TrashPage</name>
    <message>
        <source>Restored: %1</source>
        <translation>已恢复：%1</translation>
    </message>
    <message>
        <source>Delete the %1 “%2” for good? This cannot be undone.</source>
        <translation>要永久删除%1“%2”吗？此操作无法撤销。</translation>
    </message>
    <message>
        <source>Deleted for good: %1</source>
        <translation>已永久删除：%1</translation>
    </message>
    <message>
        <source>Purge</source>
        <translation>永久删除</translation>
    </message>
    <message numerus="yes">
        <source>%n deleted record(s)</source>
        <translation>
            <numerusform>%n 条已删除记录</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TrashView</name>
    <message>
        <source>Deleted records stay here until you purge them. Restore brings a record back; purge removes it for good.</source>
        <translation>已删除的记录会保留在这里，直到您将其永久删除。“恢复”可将记录放回原处；“永久删除”则会彻底删除记录。</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Put the selected record back where it was</source>
        <translation>将所选记录恢复到原来的位置</translation>
    </message>
    <message>
        <source>Purge…</source>
        <translation>永久删除…</translation>
    </message>
    <message>
        <source>Delete the selected record for good</source>
        <translation>永久删除所选记录</translation>
    </message>
</context>
<context>
    <name>UnlockScreen</name>
    <message>
        <source>Data folder: %1</source>
        <translation>数据文件夹：%1</translation>
    </message>
    <message>
        <source>Enter your passphrase.</source>
        <translation>请输入密码。</translation>
    </message>
    <message>
        <source>Recovery key</source>
        <translation>恢复密钥</translation>
    </message>
    <message>
        <source>Recovery key (as printed, e.g. K7QD-2M9F-…):</source>
        <translation>恢复密钥（按打印内容输入，例如 K7QD-2M9F-…）：</translation>
    </message>
    <message>
        <source>New passphrase</source>
        <translation>新密码</translation>
    </message>
    <message>
        <source>Choose a new passphrase (at least 8 characters):</source>
        <translation>设置新密码（至少 8 个字符）：</translation>
    </message>
    <message>
        <source>The workspace could not be opened (%1).</source>
        <translation>无法打开工作区（%1）。</translation>
    </message>
</context>
<context>
    <name>UnlockView</name>
    <message>
        <source>Unlock your workspace</source>
        <translation>解锁工作区</translation>
    </message>
    <message>
        <source>Your customer data is encrypted. Enter your passphrase to open it.</source>
        <translation>您的客户数据已加密，请输入密码打开。</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Remember on this computer</source>
        <translation>在本机记住密码</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <source>Forgot the passphrase? Use the recovery key…</source>
        <translation>忘记密码？使用恢复密钥…</translation>
    </message>
</context>
<context>
    <name>Workbench</name>
    <message>
        <source>Today</source>
        <translation>今日</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Companies</source>
        <translation>公司</translation>
    </message>
    <message>
        <source>Deals</source>
        <translation>商机</translation>
    </message>
    <message>
        <source>Reminders</source>
        <translation>跟进提醒</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>服务记录</translation>
    </message>
    <message>
        <source>Recycle bin</source>
        <translation>回收站</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>报表</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>Duplicates</source>
        <translation>重复联系人</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Undone: %1</source>
        <translation>已撤销：%1</translation>
    </message>
    <message>
        <source>Moved “%1” to the recycle bin. Ctrl+Z brings it back.</source>
        <translation>已将“%1”移到回收站。按 Ctrl+Z 可恢复。</translation>
    </message>
</context>
</TS>
