<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../ui/about_dialog.py" line="+98"/>
        <source>About Grid Station</source>
        <translation>关于网格驿站</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>About</source>
        <translation>关于</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Licences</source>
        <translation>许可证</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Grid Station</source>
        <translation>网格驿站</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Version %1</source>
        <translation>版本 %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reception, work orders and people&apos;s mediation for the grid stations of a town: offline first, synchronised with the town server.</source>
        <translation>镇网格驿站的接待登记、工单办理和人民调解：不联网也能用，联网后与镇服务器同步。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Open folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Data folder</source>
        <translation>数据文件夹</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Backup folder</source>
        <translation>备份文件夹</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Qt</source>
        <translation>Qt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Python</source>
        <translation>Python</translation>
    </message>
</context>
<context>
    <name>AccountMenu</name>
    <message>
        <location filename="../../ui/account_menu.py" line="+30"/>
        <source>&amp;Account</source>
        <translation>账号(&amp;A)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Change password…</source>
        <translation>修改密码…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Lock now</source>
        <translation>立即锁定</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Your account is managed by the town: change your password at the town grid center.</source>
        <translation>您的账号由镇里统一管理，修改密码请到镇网格中心办理。</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Station</source>
        <translation>驿站信息</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Accounts</source>
        <translation>账号管理</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Audit log</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Retention</source>
        <translation>保存期限</translation>
    </message>
</context>
<context>
    <name>ActionDialogBase</name>
    <message>
        <location filename="../../ui/dialogs/action_dialog_base.py" line="+74"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Ctrl+Enter saves</source>
        <translation>Ctrl+回车 保存</translation>
    </message>
    <message>
        <location line="+97"/>
        <source>Close without saving?</source>
        <translation>不保存就关闭？</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What you typed will be lost.</source>
        <translation>已填写的内容将不会保存。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Discard</source>
        <translation>放弃</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep editing</source>
        <translation>继续填写</translation>
    </message>
</context>
<context>
    <name>AgreementTermsEditor</name>
    <message>
        <location filename="../../ui/widgets/agreement_terms_editor.py" line="+57"/>
        <source>Clause template…</source>
        <translation>条款模板…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Insert template</source>
        <translation>插入模板(&amp;I)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Add term (Alt+N)</source>
        <translation>添加条款 (Alt+N)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Tab: next term · Alt+↑/↓: move · Ctrl+Del: remove</source>
        <translation>Tab：下一条 · Alt+↑/↓：上移/下移 · Ctrl+Del：删除</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No terms yet: insert a template or add a term.</source>
        <translation>还没有协议条款：请插入模板或添加条款。</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Remove this term (Ctrl+Del)</source>
        <translation>删除此条 (Ctrl+Del)</translation>
    </message>
</context>
<context>
    <name>AttachmentStrip</name>
    <message>
        <location filename="../../ui/widgets/attachment_strip.py" line="+109"/>
        <source>Attach photos or scans</source>
        <translation>添加照片或扫描件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Photos and scans (%1)</source>
        <translation>照片和扫描件（%1）</translation>
    </message>
</context>
<context>
    <name>AuditSection</name>
    <message>
        <location filename="../../ui/pages/audit_section.py" line="+55"/>
        <source>All actions</source>
        <translation>全部操作</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>All accounts</source>
        <translation>全部账号</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Show</source>
        <translation>查询</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+16"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location line="-14"/>
        <location line="+13"/>
        <source>Account</source>
        <translation>账号</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Concerning</source>
        <translation>对象</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The audit log can only grow: no one can change or delete an entry. It never contains ID numbers or passwords.</source>
        <translation>审计日志只增不改：任何人都不能修改或删除其中的记录。日志中不含身份证号码和密码。</translation>
    </message>
    <message>
        <location line="+76"/>
        <source>No entries match these filters.</source>
        <translation>没有符合筛选条件的记录。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Newest %1 of %2 entries; narrow the dates to see older ones.</source>
        <translation>显示最新的 %1 条（共 %2 条）；缩小日期范围可查看更早的记录。</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%Ln entries</source>
        <translation>
            <numerusform>共 %Ln 条记录</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BackupList</name>
    <message>
        <location filename="../../ui/widgets/backup_list.py" line="+23"/>
        <source>Restore the backup made at %1?</source>
        <translation>要从 %1 的备份恢复吗？</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+16"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>This backup belongs to another station.</source>
        <translation>这个备份属于另一个驿站。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Restore it anyway</source>
        <translation>仍然恢复</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Made at</source>
        <translation>备份时间</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Where</source>
        <translation>位置</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>At start</source>
        <translation>启动时</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Daily</source>
        <translation>每日</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>By hand</source>
        <translation>手动</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Before upgrade or restore</source>
        <translation>升级或恢复前</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Data folder</source>
        <translation>数据文件夹</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Second folder</source>
        <translation>第二备份位置</translation>
    </message>
</context>
<context>
    <name>BackupSettings</name>
    <message>
        <location filename="../../ui/pages/backup_settings.py" line="+119"/>
        <source>Grid Station backs up the database when it starts and once a day while it runs. Each backup is checked before it counts; the newest of the last 7 days, 4 weeks and 12 months are kept.</source>
        <translation>网格驿站在启动时和运行期间每天备份一次数据库。每个备份都先检查完好才算数；保留最近 7 天、4 周和 12 个月中各自最新的备份。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>No backups yet. Click “Back up now” to make one.</source>
        <translation>还没有备份。点“立即备份”备份一次。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Back up now</source>
        <translation>立即备份(&amp;B)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Restore selected backup…</source>
        <translation>从选中的备份恢复(&amp;R)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancel the restore</source>
        <translation>取消恢复</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Open backup folder</source>
        <translation>打开备份文件夹(&amp;O)</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+129"/>
        <source>Second backup folder</source>
        <translation>第二备份位置</translation>
    </message>
    <message>
        <location line="-125"/>
        <source>Every backup is also copied here, e.g. to a USB drive or another disk. When the drive is not plugged in, backups are still made in the data folder.</source>
        <translation>每个备份还会复制到这里，例如 U 盘或另一块硬盘。U 盘没有插入时，备份仍会保存在数据文件夹中。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Not set</source>
        <translation>未设置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Choose…</source>
        <translation>选择(&amp;C)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Do not copy</source>
        <translation>不复制</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>A restore from %1 is waiting: it happens when Grid Station starts next.</source>
        <translation>已安排从 %1 恢复：将在下次启动网格驿站时进行。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Newest backup: %1.</source>
        <translation>最新的备份：%1。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Last backup: %1, checked.</source>
        <translation>最近一次备份：%1，已检查完好。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Backing up…</source>
        <translation>正在备份…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Backing up… %p%</source>
        <translation>正在备份… %p%</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The backup failed: %1</source>
        <translation>备份失败：%1</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Grid Station has to restart for this: the backup is restored when it starts next. The current database is kept in the data folder under a new name; work entered after this backup was made is not in the backup.</source>
        <translation>恢复需要重新启动网格驿站：备份将在下次启动时恢复。当前的数据库会改名保留在数据文件夹中；备份之后录入的内容不在这个备份里。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Restore at next start</source>
        <translation>下次启动时恢复</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Restart required: the backup is restored when Grid Station starts next.</source>
        <translation>需要重新启动：备份将在下次启动网格驿站时恢复。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Close Grid Station now</source>
        <translation>现在关闭网格驿站</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Later</source>
        <translation>稍后</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Backup failed: %1</source>
        <translation>备份失败：%1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Backed up at %1.</source>
        <translation>已于 %1 备份。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Backups</source>
        <translation>备份</translation>
    </message>
</context>
<context>
    <name>CaseActionDialog</name>
    <message>
        <location filename="../../ui/dialogs/case_action_dialog.py" line="+52"/>
        <source>What was done, and the answer given to the resident</source>
        <translation>办了什么，给群众的答复是什么</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Result</source>
        <translation>办理结果</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Handled by</source>
        <translation>经办</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Why the town center should take it over (required)</source>
        <translation>为什么需要镇中心处理（必填）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Required</source>
        <translation>必填</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Optional</source>
        <translation>选填</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Please give the reason.</source>
        <translation>请写明原因。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Please write the result.</source>
        <translation>请写明办理结果。</translation>
    </message>
</context>
<context>
    <name>CaseDetailPage</name>
    <message>
        <location filename="../../ui/pages/case_detail_page.py" line="+131"/>
        <source>← Work orders (Esc)</source>
        <translation>← 工单列表（Esc）</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Receipt</source>
        <translation>打印受理回执</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Referral slip</source>
        <translation>打印交办单</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Show full ID…</source>
        <translation>查看完整身份证号…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Requester</source>
        <translation>诉求人</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Channel</source>
        <translation>来源渠道</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Received</source>
        <translation>受理时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Category</source>
        <translation>诉求类别</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Location</source>
        <translation>地点</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Handled by</source>
        <translation>承办</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deadline</source>
        <translation>办理期限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Description</source>
        <translation>详细描述</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Result</source>
        <translation>办理结果</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+285"/>
        <source>Return visit</source>
        <translation>回访</translation>
    </message>
    <message>
        <location line="-284"/>
        <source>Linked</source>
        <translation>关联</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Add photos or scans…</source>
        <translation>添加照片或扫描件…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Photos / scans</source>
        <translation>照片/扫描件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Actions</source>
        <translation>办理操作</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Timeline</source>
        <translation>办理经过</translation>
    </message>
    <message>
        <location line="+79"/>
        <source>This work order could not be loaded.</source>
        <translation>这张工单无法加载。</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Supervised</source>
        <translation>督办</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Extension to %1 requested</source>
        <translation>申请延期至%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not signed for in time</source>
        <translation>签收超时</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>No requester (reported by %1)</source>
        <translation>无诉求人（由%1上报）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No requester recorded</source>
        <translation>未登记诉求人</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>no phone</source>
        <translation>无电话</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>ID number: %1</source>
        <translation>身份证号：%1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Filed on behalf by %1</source>
        <translation>代办人：%1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>(not classified)</source>
        <translation>（未分类）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>co-handling: %1</source>
        <translation>协办：%1</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>solved</source>
        <translation>问题已解决</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>not solved</source>
        <translation>问题未解决</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Record progress</source>
        <translation>记录办理进展</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>No action is open to you on a work order in this status.</source>
        <translation>工单处于当前状态，您没有可执行的操作。</translation>
    </message>
</context>
<context>
    <name>CaseFileChecklistSection</name>
    <message>
        <location filename="../../ui/widgets/case_file_checklist_section.py" line="+46"/>
        <source>Documents marked “required” must be in a mediation case file before the case can be archived; “as needed” ones are filed when the case has them.</source>
        <translation>标为“必备”的文书须齐全后调解案件才能归档；“按需”的文书在案件有此材料时归入卷宗。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Document</source>
        <translation>文书</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>This station</source>
        <translation>本站设置</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Default</source>
        <translation>默认</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>required</source>
        <translation>必备</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>as needed</source>
        <translation>按需</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Saved. Each case&apos;s checklist follows.</source>
        <translation>已保存，各案件的卷宗清单随之更新。</translation>
    </message>
</context>
<context>
    <name>CaseSavedPanel</name>
    <message>
        <location filename="../../ui/widgets/case_saved_panel.py" line="+32"/>
        <source>Print receipt (Ctrl+P)</source>
        <translation>打印受理回执（Ctrl+P）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open work order (Ctrl+O)</source>
        <translation>打开工单（Ctrl+O）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next request (Ctrl+N)</source>
        <translation>接待下一位（Ctrl+N）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close (Esc)</source>
        <translation>关闭（Esc）</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Printing is not available in this version.</source>
        <translation>此版本暂不能打印。</translation>
    </message>
</context>
<context>
    <name>CaseTableModel</name>
    <message>
        <location filename="../../ui/models/case_table_model.py" line="+204"/>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Received</source>
        <translation>受理时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deadline</source>
        <translation>期限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Requester</source>
        <translation>诉求人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>(no longer available)</source>
        <translation>（该工单已不存在）</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>%1 overdue</source>
        <translation>%1 已超期</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 due soon</source>
        <translation>%1 将到期</translation>
    </message>
</context>
<context>
    <name>CasesPage</name>
    <message>
        <location filename="../../ui/pages/cases_page.py" line="+68"/>
        <source>Work orders</source>
        <translation>工单</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Search by number, name, or words in the request (Ctrl+F)</source>
        <translation>按编号、姓名或诉求内容搜索（Ctrl+F）</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>All categories</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>All communities</source>
        <translation>全部社区/网格</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>All channels</source>
        <translation>全部渠道</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Any date</source>
        <translation>全部日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last 7 days</source>
        <translation>近7天</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last 30 days</source>
        <translation>近30天</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>From … to …</source>
        <translation>自定义日期…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Any deadline</source>
        <translation>全部期限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Overdue</source>
        <translation>已超期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Due within 2 working days</source>
        <translation>2个工作日内到期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Assigned to me</source>
        <translation>我经办的</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Clear filters</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <location line="+213"/>
        <source>Searching…</source>
        <translation>正在搜索…</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%Ln case(s)</source>
        <translation>
            <numerusform>共 %Ln 张</numerusform>
        </translation>
    </message>
    <message>
        <location line="+16"/>
        <source>No work order matches.
Try fewer or other words, or choose “All statuses”.</source>
        <translation>没有符合条件的工单。
请换个关键词、少输几个字，或选择“全部状态”。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No work orders yet.
Requests recorded at the counter will appear here.</source>
        <translation>还没有工单。
在窗口登记的群众诉求会显示在这里。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Search failed</source>
        <translation>搜索失败</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <location filename="../../ui/dialogs/change_password_dialog.py" line="+33"/>
        <location line="+27"/>
        <source>Change password</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <location line="-24"/>
        <source>Your password was set by the station administrator. Choose your own password before you start work.</source>
        <translation>您的密码是驿站管理员设置的。开始工作前，请设置您自己的密码。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Choose a new password for %1.</source>
        <translation>为 %1 设置新密码。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>At least %1 characters</source>
        <translation>至少 %1 位</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Current password</source>
        <translation>当前密码(&amp;C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;New password</source>
        <translation>新密码(&amp;N)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Repeat new password</source>
        <translation>再次输入新密码(&amp;R)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>The two new passwords differ.</source>
        <translation>两次输入的新密码不一致。</translation>
    </message>
</context>
<context>
    <name>ConflictsPage</name>
    <message>
        <location filename="../../ui/pages/conflicts_page.py" line="+71"/>
        <location line="+2"/>
        <source>Sync conflicts</source>
        <translation>同步冲突</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Two stations changed the same item before they saw each other&apos;s change. The record now shows the later value; check it and keep one of the two.</source>
        <translation>两个站点在看到对方修改之前改了同一项。记录现在显示较晚的那个值；请核对后保留其中一个。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+19"/>
        <source>Shown now</source>
        <translation>现在显示的值</translation>
    </message>
    <message>
        <location line="-19"/>
        <location line="+20"/>
        <source>Overwritten</source>
        <translation>被覆盖的值</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>No conflicts to review.</source>
        <translation>没有需要处理的冲突。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Keep this value</source>
        <translation>保留这个值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Restore this value</source>
        <translation>恢复这个值</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>This item changes only through a case action, not directly</source>
        <translation>这一项只能通过办理操作修改，不能直接恢复</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <location filename="../../ui/dialogs/crash_dialog.py" line="+40"/>
        <source>Grid Station — unexpected error</source>
        <translation>网格驿站 — 意外错误</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Something went wrong that the program did not expect.</source>
        <translation>程序遇到了意外的问题。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Work you saved before is safe. Please try again; if it happens again, click “Copy report” and send the report to your IT contact. The report contains no names, ID numbers or phone numbers.</source>
        <translation>之前保存的内容都在。请再试一次；如果再次出现，请点“复制报告”，把报告发给技术支持。报告中不含姓名、身份证号码和电话号码。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Copy report</source>
        <translation>复制报告(&amp;C)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open &amp;log folder</source>
        <translation>打开日志文件夹(&amp;L)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Copied</source>
        <translation>已复制</translation>
    </message>
</context>
<context>
    <name>DispatchAreas</name>
    <message>
        <location filename="../../ui/pages/dispatch_areas.py" line="+40"/>
        <source>Dispatch</source>
        <translation>派单督办</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Oversight</source>
        <translation>督办看板</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Inbox</source>
        <translation>待办件</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Return visits</source>
        <translation>待回访</translation>
    </message>
</context>
<context>
    <name>DispatchDialog</name>
    <message>
        <location filename="../../ui/dialogs/dispatch_dialog.py" line="+55"/>
        <location line="+1"/>
        <source>Dispatch</source>
        <translation>派单</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Choose the lead unit</source>
        <translation>请选择牵头单位</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Lead unit</source>
        <translation>牵头单位</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Co-handling</source>
        <translation>协办单位</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Required when the deadline differs from the time limit</source>
        <translation>期限与类别时限不同时必填</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Why this deadline</source>
        <translation>调整期限理由</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>What the units should do (optional)</source>
        <translation>交办要求（选填）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Instructions</source>
        <translation>派单意见</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 working day(s); the category allows %2</source>
        <translation>%1个工作日；该类别时限%2个工作日</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Please choose the lead unit.</source>
        <translation>请选择牵头单位。</translation>
    </message>
    <message>
        <location line="-36"/>
        <source>Deadline</source>
        <translation>办理期限</translation>
    </message>
</context>
<context>
    <name>DispatchListsPage</name>
    <message>
        <location filename="../../ui/pages/dispatch_lists_page.py" line="+83"/>
        <source>Dispatch and supervision</source>
        <translation>派单督办</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Work orders dispatched to us</source>
        <translation>交办本单位的工单</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+21"/>
        <source>Waiting for the return visit</source>
        <translation>待回访</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>Waiting for dispatch</source>
        <translation>待派单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Being handled</source>
        <translation>办理中</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+8"/>
        <source>Sign-for overdue</source>
        <translation>签收超时</translation>
    </message>
    <message>
        <location line="-7"/>
        <location line="+8"/>
        <source>Handling overdue</source>
        <translation>办理超时</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Extension requests</source>
        <translation>延期待审批</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Supervised</source>
        <translation>督办件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waiting for the rating</source>
        <translation>待评价</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>To handle</source>
        <translation>待办</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>All units</source>
        <translation>全部单位</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Dispatch…</source>
        <translation>派单…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remind…</source>
        <translation>催办…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Supervise…</source>
        <translation>督办…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Approve extension…</source>
        <translation>同意延期…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refuse extension…</source>
        <translation>不同意延期…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print referral slip</source>
        <translation>打印交办单</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+8"/>
        <location line="+2"/>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Sign for…</source>
        <translation>签收…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Progress…</source>
        <translation>办理进展…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Request extension…</source>
        <translation>申请延期…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Return…</source>
        <translation>退单…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reply…</source>
        <translation>答复…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Return visit…</source>
        <translation>回访…</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Received</source>
        <translation>受理时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Urgency</source>
        <translation>紧急程度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>From</source>
        <translation>来源站点</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lead unit</source>
        <translation>牵头单位</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Co-handling</source>
        <translation>协办单位</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deadline</source>
        <translation>办理期限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Attention</source>
        <translation>提示</translation>
    </message>
    <message>
        <location line="+127"/>
        <source>Unit: %1</source>
        <translation>单位：%1</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n work order(s)</source>
        <translation>
            <numerusform>共 %n 张工单</numerusform>
        </translation>
    </message>
    <message>
        <location line="+14"/>
        <source>No work order is waiting for dispatch.</source>
        <translation>没有待派单的工单。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nothing has been dispatched to you. New work orders arrive by sync.</source>
        <translation>暂无交办本单位的工单。新工单会随同步到达。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No reply is waiting for a return visit.</source>
        <translation>没有等待回访的答复。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No work order in this list.</source>
        <translation>这个列表里没有工单。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>extension to %1</source>
        <translation>申请延期至%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>supervised</source>
        <translation>已督办</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>reminded %1×</source>
        <translation>催办%1次</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>back again</source>
        <translation>重办</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>returned</source>
        <translation>被退单</translation>
    </message>
</context>
<context>
    <name>DispatchOversightPage</name>
    <message>
        <location filename="../../ui/pages/dispatch_oversight_page.py" line="+39"/>
        <source>Oversight board</source>
        <translation>督办看板</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Waiting for dispatch</source>
        <translation>待派单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign-for overdue</source>
        <translation>签收超时</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Handling overdue</source>
        <translation>办理超时</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Extension requests</source>
        <translation>延期待审批</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Supervised</source>
        <translation>督办件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waiting for the rating</source>
        <translation>待评价</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Work orders</source>
        <translation>工单数</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Open and overdue by department</source>
        <translation>各部门在办与超时</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open and overdue by village or community</source>
        <translation>各村（社区）在办与超时</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Work orders by status</source>
        <translation>各状态工单数</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Double-click a unit to see its open work orders.</source>
        <translation>双击单位查看其在办工单。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Open</source>
        <translation>在办</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Sign-for late</source>
        <translation>签收超时</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Overdue</source>
        <translation>办理超时</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>as of %1</source>
        <translation>截至%1</translation>
    </message>
</context>
<context>
    <name>DispatchStepDialog</name>
    <message>
        <location filename="../../ui/dialogs/dispatch_step_dialog.py" line="+58"/>
        <source>Sign for</source>
        <translation>签收</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record progress</source>
        <translation>记录办理进展</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Request an extension</source>
        <translation>申请延期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Return to the center</source>
        <translation>退单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reply with the result</source>
        <translation>答复</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Approve the extension</source>
        <translation>同意延期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refuse the extension</source>
        <translation>不同意延期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remind</source>
        <translation>催办</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Supervise</source>
        <translation>督办</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+5"/>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Progress</source>
        <translation>办理进展</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <location line="+3"/>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Result</source>
        <translation>办理结果</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reminder</source>
        <translation>催办内容</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Supervision note</source>
        <translation>督办意见</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Extend until</source>
        <translation>延期至</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>New deadline</source>
        <translation>新的办理期限</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Optional</source>
        <translation>选填</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Required</source>
        <translation>必填</translation>
    </message>
</context>
<context>
    <name>DraftRecoveryDialog</name>
    <message>
        <location filename="../../ui/dialogs/draft_recovery_dialog.py" line="+33"/>
        <source>Unfinished requests</source>
        <translation>未填完的诉求</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>These requests were being typed when the program closed unexpectedly. Nothing of them has been saved as a work order yet.</source>
        <translation>程序上次意外关闭时，以下诉求正在填写，尚未保存为工单。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>(no summary yet)</source>
        <translation>（尚未填写摘要）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Continue</source>
        <translation>继续填写</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Discard</source>
        <translation>放弃</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Later</source>
        <translation>以后再说</translation>
    </message>
</context>
<context>
    <name>DraftedMediationDialog</name>
    <message>
        <location filename="../../ui/dialogs/mediation_dialog_base.py" line="+95"/>
        <source>Restored the unsaved text from %1.</source>
        <translation>已恢复 %1 未保存的内容。</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Draft saved at %1</source>
        <translation>草稿已于 %1 保存</translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <location filename="../../ui/help_dialog.py" line="+36"/>
        <source>Grid Station user guide</source>
        <translation>网格驿站使用指南</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The user guide is missing: %1</source>
        <translation>找不到使用指南：%1</translation>
    </message>
</context>
<context>
    <name>HelpMenu</name>
    <message>
        <location filename="../../ui/help_menu.py" line="+28"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;User guide</source>
        <translation>使用指南(&amp;U)</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>&amp;About Grid Station</source>
        <translation>关于网格驿站(&amp;A)</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Interface language</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The interface language changes the next time Grid Station starts.</source>
        <translation>界面语言将在下次启动网格驿站时更改。</translation>
    </message>
</context>
<context>
    <name>ImportResidentsDialog</name>
    <message>
        <location filename="../../ui/dialogs/import_residents_dialog.py" line="+105"/>
        <source>Import residents</source>
        <translation>导入居民</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import grids</source>
        <translation>导入网格</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import the roster</source>
        <translation>导入名册</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>An .xlsx or .csv file (UTF-8 or GBK)</source>
        <translation>.xlsx 或 .csv 文件（UTF-8 或 GBK 编码）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>The first rows as read from the file:</source>
        <translation>文件中的前几行：</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Row</source>
        <translation>行号</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reason / change</source>
        <translation>原因或变更</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Choose the roster file to import.</source>
        <translation>请选择要导入的居民名册文件。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Check rows</source>
        <translation>检查各行</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Back to columns</source>
        <translation>返回列对应</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Choose the roster</source>
        <translation>选择居民名册</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rosters (*.xlsx *.csv)</source>
        <translation>居民名册 (*.xlsx *.csv)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Reading the file…</source>
        <translation>正在读取文件…</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The file could not be read.</source>
        <translation>无法读取这个文件。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>(not imported)</source>
        <translation>（不导入）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Column %1</source>
        <translation>第%1列</translation>
    </message>
    <message numerus="yes">
        <location line="+13"/>
        <source>%Ln row(s) found. Check which column holds what, then check the rows.</source>
        <translation>
            <numerusform>共找到 %Ln 行。请核对每个字段对应的列，然后检查各行。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Checking the rows…</source>
        <translation>正在检查各行…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Fix the column choices and check again.</source>
        <translation>请修改列对应后重新检查。</translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>Import %Ln resident(s)</source>
        <translation>
            <numerusform>导入 %Ln 位居民</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Nothing has been written yet. Rejected rows are listed first; fix them in the file and check again, or import the others.</source>
        <translation>尚未写入任何数据。未导入的行列在最前面：可以在文件中改正后重新检查，也可以先导入其余各行。</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Nothing was imported.</source>
        <translation>没有导入任何数据。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Import finished.</source>
        <translation>导入完成。</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <location filename="../../ui/idle_lock.py" line="+127"/>
        <source>Grid Station is locked</source>
        <translation>网格驿站已锁定</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Grid Station</source>
        <translation>网格驿站</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Locked after a time without use. %1 is logged in: enter the password to go on. Open windows and unfinished work are kept.</source>
        <translation>一段时间无人操作，已自动锁定。当前登录的是 %1：请输入密码继续。打开的窗口和未完成的工作都会保留。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Password of %1</source>
        <translation>%1 的密码</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Please enter your password.</source>
        <translation>请输入密码。</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../ui/login_dialog.py" line="+65"/>
        <source>Log in to Grid Station</source>
        <translation>登录网格驿站</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Grid Station</source>
        <translation>网格驿站</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Log in with your station account.</source>
        <translation>请使用本驿站的账号登录。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&amp;Username</source>
        <translation>登录名(&amp;U)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Password</source>
        <translation>密码(&amp;P)</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+82"/>
        <source>Log in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location line="-82"/>
        <source>Exit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Please enter your username.</source>
        <translation>请填写登录名。</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Choose your own password to log in.</source>
        <translation>请先设置您自己的密码，才能登录。</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Checking…</source>
        <translation>正在验证…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="+57"/>
        <source>Grid Station</source>
        <translation>网格驿站</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Grid Station — %1</source>
        <translation>网格驿站 — %1</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Reception</source>
        <translation>接待</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Work orders</source>
        <translation>工单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mediation</source>
        <translation>调解</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Statistics</source>
        <translation>统计</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>New request</source>
        <translation>新建诉求</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Print reception receipt…</source>
        <translation>打印受理回执…</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Mediation case file</source>
        <translation>调解卷宗</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Counting work orders…</source>
        <translation>正在统计工单…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Database: %1</source>
        <translation>数据库：%1</translation>
    </message>
    <message>
        <location line="+159"/>
        <source>Select a work order in the list to print its receipt.</source>
        <translation>请先在工单列表中选中一张工单，再打印受理回执。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>User: %1 (%2)</source>
        <translation>当前用户：%1（%2）</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%Ln work order(s) in total</source>
        <translation>
            <numerusform>工单总数 %Ln 张</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MediationAddPartyDialog</name>
    <message>
        <location filename="../../ui/dialogs/mediation_add_party_dialog.py" line="+29"/>
        <source>Add a party</source>
        <translation>增加当事人</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Name, pinyin initials or phone</source>
        <translation>姓名、拼音首字母或电话</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Resident</source>
        <translation>居民</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Role</source>
        <translation>身份</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Agent</source>
        <translation>代理人</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No agent / not stated</source>
        <translation>无代理人 / 未说明</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Kind of agent</source>
        <translation>代理人类型</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>e.g. general authorisation, special authorisation</source>
        <translation>如：一般授权、特别授权</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Authorisation</source>
        <translation>授权范围</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>New resident: %1 (recorded with the mediation)</source>
        <translation>新居民：%1（随调解案件登记）</translation>
    </message>
</context>
<context>
    <name>MediationAgreementDialog</name>
    <message>
        <location filename="../../ui/dialogs/mediation_agreement_dialog.py" line="+82"/>
        <source>Agreement</source>
        <translation>调解协议</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Written agreement</source>
        <translation>书面协议(&amp;W)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Oral agreement (art. 28)</source>
        <translation>口头协议（第二十八条）(&amp;O)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Form</source>
        <translation>协议形式</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Terms</source>
        <translation>协议内容</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>What the parties agreed orally</source>
        <translation>当事人口头达成的协议内容</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Oral agreement</source>
        <translation>口头协议内容</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>e.g. cash paid in one sum, receipt given</source>
        <translation>如：现金一次性支付，收款后出具收条</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Performance method</source>
        <translation>履行方式</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>by</source>
        <translation>于</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Performance deadline</source>
        <translation>履行期限</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>yuan, e.g. 5000</source>
        <translation>单位：元，如 5000</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Amount (yuan)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source> copies</source>
        <translation> 份</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Signed on</source>
        <translation>签订日期</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>signed by</source>
        <translation>签字人</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copies</source>
        <translation>份数</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Effective once signed by all (art. 29) unless a later day was agreed.</source>
        <translation>各方签名之日起生效（人民调解法第二十九条），另有约定的除外。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Takes effect on</source>
        <translation>生效日期</translation>
    </message>
    <message>
        <location line="+115"/>
        <source>The agreement cannot take effect before it is signed (%1): choose the signing date or a later day.</source>
        <translation>协议不能早于签署日期（%1）生效：请选择签署当日或之后的日期。</translation>
    </message>
</context>
<context>
    <name>MediationDetailPage</name>
    <message>
        <location filename="../../ui/pages/mediation_detail_page.py" line="+183"/>
        <source>← Mediation cases (Esc)</source>
        <translation>← 调解案件 (Esc)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Print case file</source>
        <translation>打印卷宗</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Case</source>
        <translation>案件信息</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Parties</source>
        <translation>当事人</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Investigations</source>
        <translation>调查记录</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sessions</source>
        <translation>调解记录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Agreement</source>
        <translation>调解协议</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Return visits</source>
        <translation>回访</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Outcome</source>
        <translation>调解结果</translation>
    </message>
    <message>
        <location line="-35"/>
        <source>Archived</source>
        <translation>已归档</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Performance and court</source>
        <translation>履行与司法确认</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Case file</source>
        <translation>卷宗</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>Source</source>
        <translation>案件来源</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dispute type</source>
        <translation>纠纷类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accepted on</source>
        <translation>受理日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>One month from acceptance</source>
        <translation>受理满一个月</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Committee</source>
        <translation>调解委员会</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mediators</source>
        <translation>调解员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Facts</source>
        <translation>纠纷简要情况</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rights notice given</source>
        <translation>权利义务告知</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Record &amp;notice given</source>
        <translation>记录已告知(&amp;N)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The parties&apos; consent: who agreed, when, and why more time is needed</source>
        <translation>当事人同意情况：谁在何时同意、为何需要延长</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>E&amp;xtend</source>
        <translation>延长(&amp;X)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Extend the time limit</source>
        <translation>延长调解期限</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Print application</source>
        <translation>打印申请书</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Print registration form</source>
        <translation>打印受理登记表</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Print rights notice</source>
        <translation>打印告知书</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Role</source>
        <translation>身份</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ethnic group</source>
        <translation>民族</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Occupation</source>
        <translation>职业</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Address</source>
        <translation>住址</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Agent</source>
        <translation>代理人</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>&amp;Edit party…</source>
        <translation>修改当事人信息(&amp;E)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A&amp;dd party…</source>
        <translation>增加当事人(&amp;D)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove party…</source>
        <translation>删除当事人…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Change &amp;mediators…</source>
        <translation>更换调解员(&amp;M)…</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>&amp;Add investigation record…</source>
        <translation>添加调查记录(&amp;A)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Add session record…</source>
        <translation>添加调解记录(&amp;A)…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Print investigation records</source>
        <translation>打印调查记录</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Print session records</source>
        <translation>打印调解记录</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>&amp;Edit agreement…</source>
        <translation>填写调解协议(&amp;E)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Print agreement</source>
        <translation>打印调解协议</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+56"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location line="-55"/>
        <source>Visitor</source>
        <translation>回访人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Performed?</source>
        <translation>履行情况</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Satisfaction</source>
        <translation>满意程度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lawsuit</source>
        <translation>起诉</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Risk of escalation</source>
        <translation>激化风险</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notes</source>
        <translation>回访情况</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Add return visit…</source>
        <translation>添加回访(&amp;A)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Print return visits</source>
        <translation>打印回访记录</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+115"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="-114"/>
        <source>Closed on</source>
        <translation>结案日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other routes explained</source>
        <translation>已告知的其他途径</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+28"/>
        <source>Performance</source>
        <translation>履行情况</translation>
    </message>
    <message>
        <location line="-27"/>
        <source>Statistics</source>
        <translation>统计信息</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Record outcome…</source>
        <translation>记录调解结果(&amp;R)…</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Recorded by</source>
        <translation>记录人</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+117"/>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <location line="-104"/>
        <source>What has been done, what is still missing</source>
        <translation>已履行哪些、还差什么</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record &amp;performance</source>
        <translation>记录履行情况(&amp;P)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Performance of the agreement</source>
        <translation>协议履行情况</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Record court &amp;confirmation</source>
        <translation>记录司法确认(&amp;C)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>applied on</source>
        <translation>申请日期</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ruled on</source>
        <translation>裁定日期</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Court confirmation (within 30 days of the agreement&apos;s effect)</source>
        <translation>司法确认（协议生效之日起三十日内申请）</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Document</source>
        <translation>文书</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Required?</source>
        <translation>必备/按需</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What is missing</source>
        <translation>缺少的内容</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Archive and lock…</source>
        <translation>归档并锁定(&amp;A)…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Why the archived case must be changed</source>
        <translation>需要修改已归档案件的理由</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Reopen…</source>
        <translation>重新打开(&amp;R)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Print whole case file</source>
        <translation>打印整本卷宗</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>What</source>
        <translation>事项</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>This mediation case could not be loaded.</source>
        <translation>无法加载这个调解案件。</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Work order</source>
        <translation>工单</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Overdue by %1 day(s)</source>
        <translation>已超期 %1 天</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 day(s) left</source>
        <translation>还剩 %1 天</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Performance overdue by %1 day(s): remind the parties</source>
        <translation>履行已逾期%1天：请提醒当事人</translation>
    </message>
    <message>
        <location line="+9"/>
        <source> (referred by %1)</source>
        <translation>（移送单位：%1）</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+61"/>
        <source> (lead)</source>
        <translation>（主调）</translation>
    </message>
    <message>
        <location line="-55"/>
        <source> (extended from %1 with consent: %2)</source>
        <translation>（原期限%1，经当事人同意延长：%2）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>(not classified)</source>
        <translation>（未分类）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Not recorded yet</source>
        <translation>尚未记录</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Mediators: %1</source>
        <translation>调解员：%1</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>No investigation records yet.</source>
        <translation>还没有调查记录。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No session records yet.</source>
        <translation>还没有调解记录。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Person investigated</source>
        <translation>被调查人</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Matter</source>
        <translation>调解事项</translation>
    </message>
    <message>
        <location line="+362"/>
        <source>Archive %1 and lock it?</source>
        <translation>归档 %1 并锁定？</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nothing in an archived case can be changed until someone reopens it with a reason, which is recorded.</source>
        <translation>归档后案件不能再修改；如需修改，须写明理由重新打开，理由会被记录。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Archive</source>
        <translation>归档</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+20"/>
        <location line="+31"/>
        <location line="+122"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="-156"/>
        <source>Reopen %1 for changes?</source>
        <translation>重新打开 %1 以便修改？</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The reason is kept with the case: %1</source>
        <translation>理由将随案件保存：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reopen</source>
        <translation>重新打开</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Take %1 off this case?</source>
        <translation>将%1从本案当事人中删除？</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The resident stays in the register; the change is recorded.</source>
        <translation>该居民仍保留在居民名册中；此次修改会被记录。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <location line="+118"/>
        <source>The case file is not complete yet.</source>
        <translation>卷宗还不齐全。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Print what there is anyway?</source>
        <translation>仍然打印现有的文书吗？</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print anyway</source>
        <translation>仍然打印</translation>
    </message>
    <message>
        <location line="-744"/>
        <location line="+207"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Participants</source>
        <translation>参加人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recorder</source>
        <translation>记录人</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>“Edit agreement…” starts from a clause template for the dispute.</source>
        <translation>“填写调解协议…”可从适合本纠纷类型的条款模板开始。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Performance method</source>
        <translation>履行方式</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Performance deadline</source>
        <translation>履行期限</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Copies</source>
        <translation>份数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signed on</source>
        <translation>签订日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signed by</source>
        <translation>签字人</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Measures: %1</source>
        <translation>措施：%1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Performance is tracked once an agreement is reached (outcome: success).</source>
        <translation>达成协议（调解成功）后跟踪履行情况。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Now: %1</source>
        <translation>目前：%1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>deadline %1</source>
        <translation>履行期限 %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Deadline passed %1 day(s) ago: remind the parties</source>
        <translation>履行期限已过%1天：请提醒当事人</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>The window opens when a signed agreement takes effect (record the signing date in the agreement).</source>
        <translation>协议签署生效后开始计算申请期限（请在“协议”中填写签署日期）。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Agreement effective %1; apply by %2</source>
        <translation>协议生效日期 %1；申请截止 %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source> (applied %1)</source>
        <translation>（%1申请）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> (ruled %1)</source>
        <translation>（%1裁定）</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Window closed %1 day(s) ago</source>
        <translation>申请期限已过%1天</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 day(s) left to apply</source>
        <translation>还可申请%1天</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Archived on %1 by %2. Reopen with a reason to change anything.</source>
        <translation>%2于%1归档。如需修改，请写明理由后重新打开。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Still missing before archiving: %1</source>
        <translation>归档前还缺：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The case file is complete.</source>
        <translation>卷宗已齐全。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Last reopened: %1</source>
        <translation>上次重新打开：%1</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Prevented a civil dispute turning criminal</source>
        <translation>防止民转刑</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Prevented a group petition</source>
        <translation>防止群体性上访</translation>
    </message>
</context>
<context>
    <name>MediationHandoverDialog</name>
    <message>
        <location filename="../../ui/dialogs/mediation_handover_dialog.py" line="+36"/>
        <source>Hand over to mediation</source>
        <translation>转人民调解</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Applicant: %1</source>
        <translation>申请人：%1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The other party: name, pinyin initials or phone</source>
        <translation>纠纷另一方：姓名、拼音首字母或电话</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Respondent</source>
        <translation>被申请人</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose a mediator</source>
        <translation>请选择调解员</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Lead mediator</source>
        <translation>主调解员</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not classified yet</source>
        <translation>暂不分类</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Dispute type</source>
        <translation>纠纷类型</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Facts</source>
        <translation>纠纷简要情况</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>New resident: %1 (recorded with the mediation)</source>
        <translation>新居民：%1（随调解案件一并登记）</translation>
    </message>
</context>
<context>
    <name>MediationMediatorsDialog</name>
    <message>
        <location filename="../../ui/dialogs/mediation_mediators_dialog.py" line="+31"/>
        <location line="+23"/>
        <source>Mediators</source>
        <translation>调解员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lead mediator</source>
        <translation>主持调解员</translation>
    </message>
</context>
<context>
    <name>MediationNewCaseDialog</name>
    <message>
        <location filename="../../ui/dialogs/mediation_new_case_dialog.py" line="+87"/>
        <source>New mediation case</source>
        <extracomment>Columns holding a combo box instead of an item.</extracomment>
        <translation>新受理调解案件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Accept a dispute for mediation. Parties: type a name, pinyin initials or phone and press Enter; Delete removes the selected party.</source>
        <translation>受理一起纠纷。当事人：输入姓名、拼音首字母或电话后按回车；Delete 删除选中的当事人。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Accept case</source>
        <translation>受理</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Source</source>
        <translation>案件来源</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>e.g. the town police station</source>
        <translation>如：镇派出所</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Referred by</source>
        <translation>移送单位</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose a dispute type</source>
        <translation>请选择纠纷类型</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Dispute type</source>
        <translation>纠纷类型</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Accepted on</source>
        <translation>受理日期</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Brief facts of the dispute</source>
        <translation>纠纷的简要情况</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Facts</source>
        <translation>纠纷简要情况</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Space ticks a mediator; choose the lead below.</source>
        <translation>空格键勾选调解员；主调解员在下方选择。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mediators</source>
        <translation>调解员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lead mediator</source>
        <translation>主调解员</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Find a resident: name, pinyin initials or phone</source>
        <translation>查找居民：姓名、拼音首字母或电话</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Add party</source>
        <translation>添加当事人</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Role</source>
        <translation>身份</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ethnic group</source>
        <translation>民族</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Occupation</source>
        <translation>职业</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Address</source>
        <translation>住址</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Agent</source>
        <translation>代理人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind of agent</source>
        <translation>代理人类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Authorisation</source>
        <translation>授权情况</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Remove party (Del)</source>
        <translation>删除当事人 (Del)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Parties</source>
        <translation>当事人</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Type into a cell to fill in ethnic group, occupation, address or agent (choose legal or entrusted agent); a known resident&apos;s phone stays masked.</source>
        <translation>在表格中直接输入民族、职业、住址或代理人（并选择法定代理人或委托代理人）；已登记居民的电话保持遮蔽显示。</translation>
    </message>
    <message>
        <location line="+193"/>
        <source>Party %1: type the agent&apos;s name, or set the kind of agent to &quot;Not stated&quot;.</source>
        <translation>第%1位当事人：请填写代理人姓名，或把代理人类型改为“未注明”。</translation>
    </message>
    <message>
        <location line="-129"/>
        <source>%1 is already a party.</source>
        <translation>%1 已经是当事人。</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Not stated</source>
        <translation>未注明</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>New resident: added to the register when saved</source>
        <translation>新居民：保存时登记到居民名册</translation>
    </message>
</context>
<context>
    <name>MediationOutcomeDialog</name>
    <message>
        <location filename="../../ui/dialogs/mediation_outcome_dialog.py" line="+48"/>
        <location line="+22"/>
        <source>Outcome</source>
        <translation>调解结果</translation>
    </message>
    <message>
        <location line="-17"/>
        <source>Written agreement reached</source>
        <translation>达成书面协议</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Oral agreement reached</source>
        <translation>达成口头协议</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mediation failed</source>
        <translation>调解不成</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mediation terminated</source>
        <translation>终止调解</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not accepted (e.g. a party refuses)</source>
        <translation>不予受理（如当事人拒绝调解）</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Closed on</source>
        <translation>结案日期</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Why it failed, was terminated or not accepted</source>
        <translation>调解不成、终止或不予受理的理由</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Other routes explained</source>
        <translation>已告知的其他途径</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Prevented a civil dispute turning criminal</source>
        <translation>防止民转刑</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Prevented a group petition</source>
        <translation>防止群体性上访</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Statistics</source>
        <translation>统计信息</translation>
    </message>
    <message>
        <location line="+16"/>
        <source> person(s)</source>
        <translation>人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>all parties</source>
        <translation>全部当事人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How many people were involved (0: count every party)</source>
        <translation>涉及人数（0：按全部当事人计）</translation>
    </message>
</context>
<context>
    <name>MediationPage</name>
    <message>
        <location filename="../../ui/pages/mediation_page.py" line="+86"/>
        <source>Mediation</source>
        <translation>调解</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Search by number, party name or words in the facts (Ctrl+F)</source>
        <translation>按编号、当事人姓名或纠纷情况中的词语搜索 (Ctrl+F)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;My cases</source>
        <translation>我的案件(&amp;M)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Only the cases I mediate (my account&apos;s place on the mediator roster)</source>
        <translation>只看我调解的案件（按账号对应的调解员名册）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>All types</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>All mediators</source>
        <translation>全部调解员</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Anything</source>
        <translation>全部提醒</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>New mediation case (Ctrl+Shift+N)</source>
        <translation>受理调解案件 (Ctrl+Shift+N)</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>Mediation files are confidential.
Only mediators and station administrators can open them.</source>
        <translation>调解档案须保密。
只有调解员和驿站管理员可以查看。</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Searching…</source>
        <translation>正在搜索…</translation>
    </message>
    <message numerus="yes">
        <location line="+24"/>
        <source>%n case(s)</source>
        <translation>
            <numerusform>%n 件</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No mediation case matches.
Try other words, or choose “All statuses”.</source>
        <translation>没有符合条件的调解案件。
请换个词，或选择“全部状态”。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>None of your cases matches.
Untick “My cases” to see the whole station&apos;s cases.</source>
        <translation>您的案件中没有符合条件的。
取消勾选“我的案件”可查看本站全部案件。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No mediation cases yet.
Accept a dispute with “New mediation case”, or hand one over from a work order.</source>
        <translation>还没有调解案件。
可点击“受理调解案件”，或从工单转调解。</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Search failed</source>
        <translation>搜索失败</translation>
    </message>
</context>
<context>
    <name>MediationPartyDialog</name>
    <message>
        <location filename="../../ui/dialogs/mediation_party_dialog.py" line="+32"/>
        <source>Party</source>
        <translation>当事人</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Role</source>
        <translation>身份</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ethnic group</source>
        <translation>民族</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Occupation</source>
        <translation>职业</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Address</source>
        <translation>住址</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Agent</source>
        <translation>代理人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Authorisation</source>
        <translation>授权情况</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No agent / not stated</source>
        <translation>无代理人 / 未说明</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Kind of agent</source>
        <translation>代理人类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. Han</source>
        <translation>如：汉族</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> (type to replace)</source>
        <translation>（输入新号码即替换）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no phone recorded</source>
        <translation>未登记电话</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>e.g. general authorisation, special authorisation</source>
        <translation>如：一般授权、特别授权</translation>
    </message>
</context>
<context>
    <name>MediationRecordDialog</name>
    <message>
        <location filename="../../ui/dialogs/mediation_record_dialog.py" line="+52"/>
        <source>Investigation record</source>
        <translation>调查记录</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Session record</source>
        <translation>调解记录</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>e.g. the mediation room of the station</source>
        <translation>如：驿站调解室</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Person investigated</source>
        <translation>被调查人</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Matter</source>
        <translation>调解事项</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Mediators, parties present, invited participants</source>
        <translation>调解员、到场当事人、邀请参加人</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Participants</source>
        <translation>参加人</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Recorder</source>
        <translation>记录人</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Q: …
A: …</source>
        <translation>问：……
答：……</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Statements of the parties, facts found, the mediators&apos; work</source>
        <translation>当事人陈述、查明的事实、调解员所做的工作</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Questions and answers</source>
        <translation>问答记录</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Record</source>
        <translation>记录内容</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Result of the session</source>
        <translation>调解结果</translation>
    </message>
    <message numerus="yes">
        <location line="+46"/>
        <source>%n character(s)</source>
        <translation>
            <numerusform>%n 个字</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MediationTableModel</name>
    <message>
        <location filename="../../ui/models/mediation_table_model.py" line="+35"/>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accepted</source>
        <translation>受理日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dispute type</source>
        <translation>纠纷类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Parties</source>
        <translation>当事人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lead mediator</source>
        <translation>主调解员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Needs attention</source>
        <translation>提醒</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>overdue</source>
        <translation>超期</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>remind to perform</source>
        <translation>催促履行</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>awaiting return visit</source>
        <translation>待回访</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>court confirmation window open</source>
        <translation>司法确认申请期内</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>archived</source>
        <translation>已归档</translation>
    </message>
</context>
<context>
    <name>MediationVisitDialog</name>
    <message>
        <location filename="../../ui/dialogs/mediation_visit_dialog.py" line="+42"/>
        <source>Return visit</source>
        <translation>回访</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Visited on</source>
        <translation>回访日期</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Visitor</source>
        <translation>回访人</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Performed?</source>
        <translation>履行情况</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>What was seen and said</source>
        <translation>回访所见所闻</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not asked</source>
        <translation>未询问</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Satisfaction</source>
        <translation>满意程度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A party has gone to court over it</source>
        <translation>有当事人就此起诉</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Lawsuit</source>
        <translation>起诉</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not assessed</source>
        <translation>未评估</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Risk of escalation</source>
        <translation>激化风险</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Measures taken to keep it from flaring up (needed when the risk is high)</source>
        <translation>防止矛盾激化所采取的措施（风险较高时必填）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Measures</source>
        <translation>措施</translation>
    </message>
    <message>
        <location line="-22"/>
        <source>Notes</source>
        <translation>回访情况</translation>
    </message>
</context>
<context>
    <name>MergeCaseDialog</name>
    <message>
        <location filename="../../ui/dialogs/merge_case_dialog.py" line="+22"/>
        <source>Merge duplicate</source>
        <translation>合并重复件</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Number of the case to keep, e.g. %1</source>
        <translation>保留的工单编号，例如 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Merge into</source>
        <translation>并入工单</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Why they are the same request (required)</source>
        <translation>为什么是同一诉求（必填）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>NewRequestDialog</name>
    <message>
        <location filename="../../ui/dialogs/new_request_dialog.py" line="+107"/>
        <location line="+47"/>
        <source>New request</source>
        <translation>群众点单（新建诉求）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Enter: next field · Ctrl+Enter: save · Esc: cancel · ↑↓: choose in lists</source>
        <translation>回车：下一项 · Ctrl+回车：保存 · Esc：取消 · ↑↓：在列表中选择</translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+463"/>
        <source>Add to %1 instead (Alt+L)</source>
        <translation>改为补充到 %1（Alt+L）</translation>
    </message>
    <message>
        <location line="-442"/>
        <source>Name, pinyin initials (e.g. lll), phone or ID number</source>
        <translation>姓名、拼音首字母（如 lll）、电话或身份证号</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Mobile or landline with area code</source>
        <translation>手机号，或带区号的固定电话</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Optional</source>
        <translation>选填</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not given</source>
        <translation>未填</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Address</source>
        <translation>住址</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Type to search: 邻里 or llj</source>
        <translation>输入搜索：邻里 或 llj</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Channel / received</source>
        <translation>渠道／时间</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Requester</source>
        <translation>诉求人</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Category</source>
        <translation>诉求类别</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Community or grid: dj 01, 东街01</source>
        <translation>社区或网格：dj 01、东街01</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Where it happens, e.g. 东街12号楼道</source>
        <translation>事发地点，例如 东街12号楼道</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The request in one sentence</source>
        <translation>一句话写下诉求</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Details (optional)</source>
        <translation>详细情况（选填）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Filed on behalf by staff (代办)</source>
        <translation>工作人员代办</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Settled at the desk (直办): answer given now</source>
        <translation>当场答复并办结</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The answer given to the resident (Enter saves, Shift+Enter: new line)</source>
        <translation>给群众的答复（回车保存，Shift+回车换行）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Location</source>
        <translation>地点</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Summary</source>
        <translation>诉求摘要</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Description</source>
        <translation>详细描述</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Urgency</source>
        <translation>紧急程度</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Add photos or scans… (Ctrl+Shift+A)</source>
        <translation>添加照片或扫描件…（Ctrl+Shift+A）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove all</source>
        <translation>全部移除</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Photos / scans</source>
        <translation>照片/扫描件</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>At the desk</source>
        <translation>直办</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Save (Ctrl+S)</source>
        <translation>保存（Ctrl+S）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+137"/>
        <source>Suggested from the resident&apos;s record</source>
        <translation>根据居民登记信息推荐</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>%1 · handled within %2 working day(s)</source>
        <translation>%1 · 时限%2个工作日</translation>
    </message>
    <message numerus="yes">
        <location line="+62"/>
        <source>The same resident raised this kind of request %n time(s) in the last 30 days:</source>
        <translation>
            <numerusform>该居民近30天内已反映同类诉求 %n 次：</numerusform>
        </translation>
    </message>
    <message>
        <location line="+143"/>
        <source>The resident of the draft was not found; choose again.</source>
        <translation>找不到草稿中的居民，请重新选择。</translation>
    </message>
    <message>
        <location line="+78"/>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Please correct the fields marked in red.</source>
        <translation>请按红色提示修改后再保存。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Settled at the desk and closed</source>
        <translation>已窗口直办办结</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Request recorded</source>
        <translation>诉求已受理登记</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Request %1</source>
        <translation>诉求 %1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Write the request in one sentence first.</source>
        <translation>请先用一句话写下诉求。</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Added to the earlier work order</source>
        <translation>已补充到原工单</translation>
    </message>
    <message>
        <location line="+84"/>
        <source>Discard this request?</source>
        <translation>放弃这条诉求？</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What you typed will be lost.</source>
        <translation>已填写的内容将不会保存。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Discard</source>
        <translation>放弃</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep editing</source>
        <translation>继续填写</translation>
    </message>
</context>
<context>
    <name>PlaceholderPage</name>
    <message>
        <location filename="../../ui/pages/placeholder_page.py" line="+19"/>
        <source>Coming soon</source>
        <translation>即将推出</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This area is not built yet. It will let you:</source>
        <translation>此功能尚在开发中，完成后可以：</translation>
    </message>
</context>
<context>
    <name>PrintPreviewDialog</name>
    <message>
        <location filename="../../ui/dialogs/print_preview_dialog.py" line="+83"/>
        <source>Print preview — %1</source>
        <translation>打印预览 — %1</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Save as PDF…</source>
        <translation>另存为 PDF(&amp;S)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+284"/>
        <location line="+7"/>
        <source>Open in PDF viewer</source>
        <translation>用 PDF 阅读器打开</translation>
    </message>
    <message>
        <location line="-287"/>
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Fit width</source>
        <translation>适合宽度</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Previous page</source>
        <translation>上一页</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Next page</source>
        <translation>下一页</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>Page %1 of %2</source>
        <translation>第 %1 页，共 %2 页</translation>
    </message>
    <message>
        <location line="+59"/>
        <location line="+52"/>
        <location line="+5"/>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>The printer could not be started.</source>
        <translation>无法启动打印机，请检查打印机是否已连接并开机。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Printing page %1 of %2…</source>
        <translation>正在打印第 %1 页，共 %2 页…</translation>
    </message>
    <message>
        <location line="+40"/>
        <location line="+12"/>
        <source>Save as PDF</source>
        <translation>另存为 PDF</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+16"/>
        <source>The file could not be saved:
%1</source>
        <translation>无法保存文件：
%1</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>Saved: %1</source>
        <translation>已保存：%1</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>No program to open PDF files was found. Use “Save as PDF…” and open the file from there.</source>
        <translation>没有找到可以打开 PDF 文件的程序。请用“另存为 PDF…”保存后再打开。</translation>
    </message>
</context>
<context>
    <name>ProgressNoteDialog</name>
    <message>
        <location filename="../../ui/dialogs/progress_note_dialog.py" line="+22"/>
        <source>Record progress</source>
        <translation>记录办理进展</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>e.g. Visited the site with the grid worker; the owner promised to clear it</source>
        <translation>例如：已与网格员上门查看，当事人承诺清理</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Progress</source>
        <translation>办理进展</translation>
    </message>
</context>
<context>
    <name>ReceptionPage</name>
    <message>
        <location filename="../../ui/pages/reception_page.py" line="+30"/>
        <source>Reception</source>
        <translation>接待</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New request  (Ctrl+N)</source>
        <translation>群众点单（Ctrl+N）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>1. Find the resident: name, pinyin initials, phone or ID number</source>
        <translation>1. 查找居民：姓名、拼音首字母、电话或身份证号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>2. Choose the category and the grid, write the request</source>
        <translation>2. 选择诉求类别和网格，写下诉求</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>3. Settle it at the desk, or save it and hand over the receipt</source>
        <translation>3. 当场直办，或保存后交给群众受理回执</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Unfinished requests</source>
        <translation>未填完的诉求</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>None: every request was saved.</source>
        <translation>没有：所有诉求都已保存。</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>(no summary yet)</source>
        <translation>（尚未填写摘要）</translation>
    </message>
</context>
<context>
    <name>RejectionsModel</name>
    <message>
        <location filename="../../ui/pages/rejections_page.py" line="+40"/>
        <source>Written at</source>
        <translation>录入时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change</source>
        <translation>操作</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Written by</source>
        <translation>录入人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason given by the town server</source>
        <translation>镇服务器给出的原因</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 (item: %2)</source>
        <translation>%1（涉及：%2）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 (not on this station)</source>
        <translation>%1（本站已无此记录）</translation>
    </message>
</context>
<context>
    <name>RejectionsPage</name>
    <message>
        <location line="+32"/>
        <location line="+1"/>
        <source>Records refused by the town server</source>
        <translation>被镇服务器拒收的记录</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The town server did not accept these changes, so they no longer count on this station either. Each row says why; if the change is still needed, open the record and enter it again correctly.</source>
        <translation>镇服务器没有接收这些修改，本站也已不再计入。每一行都写明了原因；如仍需要，请打开记录，改正后重新录入。</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>No records were refused by the town server</source>
        <translation>没有被镇服务器拒收的记录</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Open record</source>
        <translation>打开记录</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>The record was never accepted, so there is nothing to open.</source>
        <translation>这条记录没有被接收，本站已无此记录，无法打开。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Residents are opened from the work orders they raised.</source>
        <translation>居民信息请从其反映的工单中查看。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your account may not open this kind of record.</source>
        <translation>当前账号无权打开这类记录。</translation>
    </message>
</context>
<context>
    <name>ResidentLookup</name>
    <message>
        <location filename="../../ui/widgets/resident_lookup.py" line="+118"/>
        <source>no phone</source>
        <translation>无电话</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ID %1</source>
        <translation>身份证 %1</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>+ New resident “%1”</source>
        <translation>＋ 新建居民“%1”</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No resident found</source>
        <translation>没有找到居民</translation>
    </message>
</context>
<context>
    <name>RetentionSection</name>
    <message>
        <location filename="../../ui/pages/retention_section.py" line="+47"/>
        <source>Work orders finished more than the set number of years ago lose the requester&apos;s name, phone, ID number and address and their location and description. Statistics stay. Residents with a newer work order or a mediation case keep their details. The change reaches the town server with the next sync.</source>
        <translation>办结超过设定年数的工单，将删除诉求人的姓名、电话、身份证号和住址，以及工单的地点和详细描述；统计数据保留。有较新工单或调解案件的居民保留其信息。下次同步时，这项变更也会同步到镇服务器。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source> years</source>
        <translation> 年</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Anonymise…</source>
        <translation>匿名化…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Keep for</source>
        <translation>保存期限</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+21"/>
        <source>Preview first to see what would change.</source>
        <translation>请先预览，查看将会改动哪些记录。</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Finished</source>
        <translation>办结日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Requester</source>
        <translation>诉求人</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Finished before %1: %2 work order(s) and %3 resident(s) would be anonymised; %4 resident(s) keep their details.</source>
        <translation>%1 之前办结的工单：将匿名化 %2 张工单、%3 名居民；%4 名居民保留信息。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Anonymise %1 work order(s) and %2 resident(s)?</source>
        <translation>匿名化 %1 张工单和 %2 名居民的信息吗？</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Names and contacts cannot be brought back afterwards.</source>
        <translation>匿名化后，姓名和联系方式无法恢复。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Anonymise</source>
        <translation>匿名化</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>ReturnVisitDialog</name>
    <message>
        <location filename="../../ui/dialogs/return_visit_dialog.py" line="+37"/>
        <source>Return visit</source>
        <translation>回访</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Yes, solved</source>
        <translation>已解决(&amp;Y)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;No, not solved</source>
        <translation>未解决(&amp;N)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Problem solved?</source>
        <translation>问题是否解决</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keys: 1–3 satisfaction, Y / N solved, Enter saves</source>
        <translation>按键：1–3 选满意度，Y / N 选是否解决，回车保存</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>What the resident said (optional)</source>
        <translation>群众的意见（选填）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notes</source>
        <translation>回访记录</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>The work order goes back to be handled again (重办).</source>
        <translation>工单将退回重办。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The work order will be closed (办结).</source>
        <translation>工单将办结。</translation>
    </message>
</context>
<context>
    <name>RevealIdDialog</name>
    <message>
        <location filename="../../ui/dialogs/reveal_id_dialog.py" line="+49"/>
        <source>Show full ID number</source>
        <translation>查看完整身份证号</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The full ID number of %1 is personal information. Viewing it is recorded with your name and the reason.</source>
        <translation>%1的完整身份证号属于个人信息。查看将连同您的姓名和原因一并记录在案。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Verify identity against the ID card</source>
        <translation>与身份证核对身份</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Needed for a document or a referral</source>
        <translation>出具文书或转办需要</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Correct a wrongly recorded number</source>
        <translation>更正登记错误的号码</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Show</source>
        <translation>查看</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Your role may not see full ID numbers. Ask the station administrator.</source>
        <translation>您的角色不能查看完整身份证号码，如有需要请联系驿站管理员。</translation>
    </message>
</context>
<context>
    <name>SafeModeWindow</name>
    <message>
        <location filename="../../ui/safe_mode.py" line="+58"/>
        <source>Grid Station — safe mode</source>
        <translation>网格驿站 — 安全模式</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Grid Station started in safe mode</source>
        <translation>网格驿站以安全模式启动</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Backups</source>
        <translation>备份</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No backups were found in the data folder or the second backup folder.</source>
        <translation>在数据文件夹和第二备份位置中都没有找到备份。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Restore selected backup…</source>
        <translation>从选中的备份恢复(&amp;R)…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Restoring needs a writable data folder with free space.</source>
        <translation>恢复需要数据文件夹可以写入并且有足够的磁盘空间。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Open data folder</source>
        <translation>打开数据文件夹(&amp;O)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Check &amp;again</source>
        <translation>重新检查(&amp;A)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Data folder: %1</source>
        <translation>数据文件夹：%1</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>The current database file is kept in the data folder under a new name; nothing is deleted. Work entered after this backup was made is not in it.</source>
        <translation>当前的数据库文件会改名保留在数据文件夹中，不会删除任何文件。备份之后录入的内容不在这个备份里。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>The backup was restored. Grid Station will now start.</source>
        <translation>备份已恢复，网格驿站现在启动。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The backup was restored. Please start Grid Station again.</source>
        <translation>备份已恢复，请重新启动网格驿站。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The previous database file was kept as %1.</source>
        <translation>原来的数据库文件已保留为 %1。</translation>
    </message>
    <message>
        <location line="+21"/>
        <location line="+32"/>
        <source>Grid Station</source>
        <translation>网格驿站</translation>
    </message>
    <message>
        <location line="-30"/>
        <source>Restoring the backup, please wait…</source>
        <translation>正在恢复备份，请稍候…</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>The backup made at %1 was restored.</source>
        <translation>已从备份 %1 恢复数据。</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="+19"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Nothing here can be changed with your account.</source>
        <translation>您的账号在这里没有可以修改的设置。</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <location filename="../../ui/setup_wizard.py" line="+70"/>
        <source>Set up Grid Station</source>
        <translation>网格驿站首次设置</translation>
    </message>
    <message>
        <location line="+119"/>
        <source>Welcome to Grid Station</source>
        <translation>欢迎使用网格驿站</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This computer has no station data yet. A few steps set it up.</source>
        <translation>这台电脑上还没有驿站数据，几步就能设置好。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Grid Station records requests at the station&apos;s counter, passes them on and calls residents back, and keeps the people&apos;s mediation records and forms. Everything is stored on this computer and works without a network.</source>
        <translation>网格驿站用于驿站窗口登记群众诉求、流转办理和回访评价，并记录人民调解案件、打印调解文书。所有数据保存在本机，不联网也能使用。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>How do you want to start?</source>
        <translation>请选择开始方式：</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Set up a new station</source>
        <translation>新建驿站</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enter the station&apos;s code, name and mediation committee yourself.</source>
        <translation>由本站填写驿站编码、名称和人民调解委员会等信息。</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+116"/>
        <source>Join the town&apos;s grid system</source>
        <translation>加入镇网格系统</translation>
    </message>
    <message>
        <location line="-114"/>
        <source>The town grid center has registered this station and given you a one-time enrolment code. Needs a network connection.</source>
        <translation>镇网格中心已在镇服务器上登记本站，并给了一次性注册码。需要联网。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Practise with the demo town</source>
        <translation>用演示镇练习</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Made-up data of a whole town (霞溪镇) and demo accounts, to learn the program. Set up the real station later in another folder.</source>
        <translation>生成一个虚构的镇（霞溪镇）的数据和演示账号，用来熟悉程序。正式使用时请在另一个文件夹中重新设置。</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Data and backup folders</source>
        <translation>数据文件夹和备份文件夹</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Where the station&apos;s database and its backups are kept.</source>
        <translation>驿站数据库和备份保存的位置。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Keep the data on this computer&apos;s own disk (not a USB stick). Backups are safest on another disk or a USB drive that stays connected.</source>
        <translation>数据请放在本机硬盘上（不要放在 U 盘里）。备份最好放在另一块硬盘或一直插着的移动硬盘上。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Data folder</source>
        <translation>数据文件夹(&amp;D)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Backup folder</source>
        <translation>备份文件夹(&amp;B)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Leave empty to keep backups in the data folder&apos;s &apos;backups&apos;.</source>
        <translation>不填则备份到数据文件夹中的 backups 文件夹。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The station</source>
        <translation>驿站信息</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>As printed on receipts, slips and the mediation forms.</source>
        <translation>将印在回执、交办单和人民调解文书上。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Station &amp;code</source>
        <translation>驿站编码(&amp;C)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Given by the town grid center: 2 to 12 capital letters or digits, e.g. HT01.</source>
        <translation>由镇网格中心统一分配：2到12位大写字母或数字，例如 HT01。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Station &amp;name</source>
        <translation>驿站名称(&amp;N)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>e.g. 溪口村网格驿站</source>
        <translation>例如 溪口村网格驿站</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Kind</source>
        <translation>驿站类型(&amp;K)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Town</source>
        <translation>所属镇（街道）(&amp;T)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. 霞溪镇</source>
        <translation>例如 霞溪镇</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Mediation committee</source>
        <translation>人民调解委员会(&amp;M)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>e.g. 霞溪镇溪口村人民调解委员会</source>
        <translation>例如 霞溪镇溪口村人民调解委员会</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Committee &amp;short name</source>
        <translation>调解委员会简称(&amp;S)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The X in mediation case numbers （2026）X人调字第N号, e.g. 溪口.</source>
        <translation>即调解案件编号“（2026）X人调字第N号”中的 X，例如 溪口。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Phone</source>
        <translation>联系电话(&amp;P)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The station&apos;s phone, printed on receipts: a landline or a mobile.</source>
        <translation>驿站的联系电话，印在回执上：固定电话或手机均可。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The station&apos;s code, name and kind come from the town server.</source>
        <translation>驿站编码、名称和类型将从镇服务器取得。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The town grid center registers this station on the town server and gives you its address and a one-time enrolment code. This computer must be connected to the network now.
No code yet, or no network? Go back, choose “Set up a new station”, and enrol later with the command grid-station enroll.</source>
        <translation>镇网格中心在镇服务器上登记本站后，会告诉您服务器地址和一次性注册码。现在这台电脑需要联网。
还没有注册码或暂时不能联网？请返回上一步选择“新建驿站”，以后再用 grid-station enroll 命令注册。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Town &amp;server</source>
        <translation>镇服务器地址(&amp;S)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Enrolment &amp;code</source>
        <translation>注册码(&amp;C)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Certificate (&amp;optional)</source>
        <translation>证书文件（可不填）(&amp;O)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Only if the town server uses its own certificate authority (a .pem file).</source>
        <translation>仅当镇服务器使用镇里自建的证书时才需要（.pem 文件）。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The first administrator</source>
        <translation>第一个管理员账号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This account sets up users, settings and backups.</source>
        <translation>用这个账号管理用户、设置和备份。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Log in with this account after setup. Accounts for receptionists, grid workers and mediators are added later under Settings.</source>
        <translation>设置完成后用这个账号登录。接待员、网格员、调解员的账号以后在“设置”中添加。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Username</source>
        <translation>登录名(&amp;U)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Your &amp;name</source>
        <translation>姓名(&amp;N)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>e.g. 林站长</source>
        <translation>例如 林站长</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Password</source>
        <translation>密码(&amp;P)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>At least %1 characters.</source>
        <translation>至少%1位。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Password &amp;again</source>
        <translation>再次输入密码(&amp;A)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Ready to set up</source>
        <translation>确认设置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check the details; go back to change anything.</source>
        <translation>请核对以下信息；需要修改请返回上一步。</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>&amp;Set up</source>
        <translation>开始设置(&amp;S)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Setup complete</source>
        <translation>设置完成</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Grid Station is ready.</source>
        <translation>网格驿站已经可以使用了。</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>backup folder</source>
        <translation>备份文件夹</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Please enter the enrolment code.</source>
        <translation>请填写注册码</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>There is no such file.</source>
        <translation>找不到这个文件</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Creating the station&apos;s database…</source>
        <translation>正在创建驿站数据库…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enrolling with the town server…</source>
        <translation>正在向镇服务器注册…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Building the demo town, please wait…</source>
        <translation>正在生成演示镇，请稍候…</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Go back to change it, or try again.</source>
        <translation>请返回上一步修改，或再试一次。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Choose a folder</source>
        <translation>选择文件夹</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+52"/>
        <location line="+11"/>
        <source>Data folder</source>
        <translation>数据文件夹</translation>
    </message>
    <message>
        <location line="-61"/>
        <source>Backup folder</source>
        <translation>备份文件夹</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>the demo town 霞溪镇 (made-up people and cases)</source>
        <translation>演示镇“霞溪镇”（虚构的居民和案件）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Town server</source>
        <translation>镇服务器</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enrolment code</source>
        <translation>注册码</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+41"/>
        <location line="+2"/>
        <source>Station</source>
        <translation>驿站</translation>
    </message>
    <message>
        <location line="-42"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Town</source>
        <translation>所属镇（街道）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mediation committee</source>
        <translation>人民调解委员会</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The demo town is ready: %1 residents, %2 work orders, %3 mediation cases.</source>
        <translation>演示镇已生成：%1 位居民，%2 张工单，%3 件调解案件。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Demo accounts</source>
        <translation>演示账号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password (all)</source>
        <translation>密码（各账号相同）</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Log in as</source>
        <translation>登录名</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Click “Finish”, then log in with the administrator&apos;s account.</source>
        <translation>点击“完成”，然后用管理员账号登录。</translation>
    </message>
</context>
<context>
    <name>StationSettingsSection</name>
    <message>
        <location filename="../../ui/pages/station_settings_section.py" line="+47"/>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Never</source>
        <translation>从不</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Locks the screen after this long without use. Open windows are kept.</source>
        <translation>无人操作达到这个时间后锁定屏幕，打开的窗口会保留。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Station code</source>
        <translation>驿站代码</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Station &amp;name</source>
        <translation>驿站名称(&amp;N)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Mediation committee</source>
        <translation>人民调解委员会(&amp;M)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Committee &amp;short name</source>
        <translation>调委会简称(&amp;S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Phone</source>
        <translation>联系电话(&amp;P)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Lock when idle</source>
        <translation>闲置自动锁定(&amp;L)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
</context>
<context>
    <name>StatisticsPage</name>
    <message>
        <location filename="../../ui/pages/statistics_page.py" line="+224"/>
        <source>Statistics</source>
        <translation>统计</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last month</source>
        <translation>上月</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This year</source>
        <translation>今年</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last year</source>
        <translation>去年</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>From … to …</source>
        <translation>自定义日期…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Whole town</source>
        <translation>全镇</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This station</source>
        <translation>本站</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Monthly report (Excel)…</source>
        <translation>统计月报（Excel）…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Monthly report (PDF)…</source>
        <translation>统计月报（PDF）…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Work-order ledger (Excel)…</source>
        <translation>工单台账（Excel）…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mediation ledger (Excel)…</source>
        <translation>调解案件台账（Excel）…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resident register (Excel)…</source>
        <translation>居民名册（Excel）…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Import residents…</source>
        <translation>导入居民…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Residents…</source>
        <translation>居民…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Grids…</source>
        <translation>网格…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Roster (grid workers, mediators …)…</source>
        <translation>名册（网格员、调解员等）…</translation>
    </message>
    <message>
        <location line="+79"/>
        <source>Requests and mediation cases by month</source>
        <translation>每月受理诉求和调解案件</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Requests by category</source>
        <translation>诉求类别</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Requests by community</source>
        <translation>各村（社区）诉求</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Mediation cases by dispute type</source>
        <translation>调解案件纠纷类型</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Mediator</source>
        <translation>调解员</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Taken</source>
        <translation>受理</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Succeeded</source>
        <translation>成功</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Success rate</source>
        <translation>成功率</translation>
    </message>
    <message>
        <location line="+21"/>
        <location line="+222"/>
        <location line="+11"/>
        <source>Work orders</source>
        <translation>工单</translation>
    </message>
    <message>
        <location line="-224"/>
        <source>People&apos;s mediation</source>
        <translation>人民调解</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Back to the figures (Esc)</source>
        <translation>返回统计（Esc）</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accepted</source>
        <translation>受理日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dispute type</source>
        <translation>纠纷类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Parties</source>
        <translation>当事人</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No cases behind this figure.</source>
        <translation>这项统计没有对应的案件。</translation>
    </message>
    <message>
        <location line="+93"/>
        <source>Counting…</source>
        <translation>正在统计…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Could not count</source>
        <translation>统计失败</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1, %2</source>
        <translation>%1，%2</translation>
    </message>
    <message>
        <location line="+43"/>
        <location line="+15"/>
        <source>Mediation cases</source>
        <translation>调解案件</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Not yet recorded by this version: %1</source>
        <translation>本版本尚未记录：%1</translation>
    </message>
    <message>
        <location line="+116"/>
        <source>%1 — loading…</source>
        <translation>%1 — 正在加载…</translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>%1: %Ln work order(s)</source>
        <translation>
            <numerusform>%1：%Ln 张工单</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+29"/>
        <source>%1: %Ln mediation case(s)</source>
        <translation>
            <numerusform>%1：%Ln 件调解案件</numerusform>
        </translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Save as</source>
        <translation>另存为</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Writing %1…</source>
        <translation>正在生成 %1…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
</context>
<context>
    <name>SyncSettingsSection</name>
    <message>
        <location filename="../../ui/sync_settings.py" line="+57"/>
        <source>One-time code from the town center</source>
        <translation>镇网格中心给的一次性注册码</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+146"/>
        <source>Enroll</source>
        <translation>注册</translation>
    </message>
    <message>
        <location line="-138"/>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Empty: the system&apos;s certificates</source>
        <translation>留空：使用系统自带的证书</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Station</source>
        <translation>本站</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Town server</source>
        <translation>镇服务器地址</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Enrollment code</source>
        <translation>注册码</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sync every</source>
        <translation>同步间隔</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>CA certificate</source>
        <translation>CA 证书</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Last result</source>
        <translation>最近一次同步</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Enrolled as %1 (%2)</source>
        <translation>已注册为 %1（%2）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Not enrolled yet: enter the server address and the code, then Enroll</source>
        <translation>本站尚未注册：填写镇服务器地址和注册码后点“注册”</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Enrolling…</source>
        <translation>正在注册…</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Enrolled as %1. Restart the program to start syncing.</source>
        <translation>已注册为 %1。请重新启动软件后开始同步。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Enrolled. Syncing now.</source>
        <translation>注册成功，正在同步。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Choose the town&apos;s CA certificate</source>
        <translation>选择镇里的 CA 证书</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>证书文件 (*.pem *.crt *.cer);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>SyncStatusWidget</name>
    <message>
        <location filename="../../ui/widgets/sync_status.py" line="+28"/>
        <location line="+69"/>
        <source>Checking sync status…</source>
        <translation>正在查看同步状态…</translation>
    </message>
    <message>
        <location line="-65"/>
        <source>Sync now</source>
        <translation>立即同步</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sync with the town server now (F9)</source>
        <translation>立即与镇服务器同步（F9）</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Show the records the town server refused, and why</source>
        <translation>查看被镇服务器拒收的记录及原因</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stop this sync; what has not gone yet goes with the next sync (Shift+F9)</source>
        <translation>停止本次同步，尚未传完的记录下次同步时继续（Shift+F9）</translation>
    </message>
    <message numerus="yes">
        <location line="+28"/>
        <source>%n conflict(s) to review</source>
        <translation>
            <numerusform>%n 处冲突待处理</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 refused</source>
        <translation>%1 条被拒收</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Enrolled as another station: restart the program to start syncing</source>
        <translation>已注册为另一个站点：请重新启动软件后开始同步</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not enrolled with the town server: working on this computer only</source>
        <translation>未注册镇服务器，仅在本机工作</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancelling sync…</source>
        <translation>正在取消同步…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Syncing… %1</source>
        <translation>正在同步… %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sync cancelled; it will continue next time</source>
        <translation>同步已取消，下次将继续</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Synced at %1</source>
        <translation>已同步 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not synced yet</source>
        <translation>尚未同步</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n record(s) waiting to sync</source>
        <translation>
            <numerusform>%n 条待同步</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> (last synced %1)</source>
        <translation>（上次同步 %1）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> (never synced)</source>
        <translation>（从未同步）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Last successful sync: %1</source>
        <translation>上次成功同步：%1</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>%n record(s) were refused by the town server</source>
        <translation>
            <numerusform>有 %n 条记录被镇服务器拒收</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncUi</name>
    <message>
        <location filename="../../ui/sync_ui.py" line="+46"/>
        <source>Sync now</source>
        <translation>立即同步</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cancel sync</source>
        <translation>取消同步</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
</context>
<context>
    <name>UserAccountDialog</name>
    <message>
        <location filename="../../ui/dialogs/user_account_dialog.py" line="+57"/>
        <source>New account</source>
        <translation>新建账号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reset password of %1</source>
        <translation>重置 %1 的密码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change role of %1</source>
        <translation>更改 %1 的角色</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>At least %1 characters</source>
        <translation>至少 %1 位</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Username</source>
        <translation>登录名(&amp;U)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Name</source>
        <translation>姓名(&amp;N)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+12"/>
        <source>&amp;Role</source>
        <translation>角色(&amp;R)</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>&amp;Password</source>
        <translation>密码(&amp;P)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+4"/>
        <source>Repea&amp;t password</source>
        <translation>再次输入密码(&amp;T)</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>The new colleague chooses their own password at the first login.</source>
        <translation>新同事第一次登录时需要设置自己的密码。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;New password</source>
        <translation>新密码(&amp;N)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Give the new password to the colleague in person. They choose their own at the next login; a lock after wrong passwords is lifted.</source>
        <translation>请当面把新密码告诉这位同事，下次登录时需改为自己的密码；因输错密码造成的锁定同时解除。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The new role applies from the colleague&apos;s next login.</source>
        <translation>新角色在这位同事下次登录时生效。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>UsersSection</name>
    <message>
        <location filename="../../ui/pages/users_section.py" line="+50"/>
        <source>Everyone who works at this station logs in with their own account. Disabled accounts keep their history but can no longer log in.</source>
        <translation>在本驿站工作的每个人都用自己的账号登录。停用的账号保留历史记录，但不能再登录。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Username</source>
        <translation>登录名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last login</source>
        <translation>上次登录</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>New account…</source>
        <translation>新建账号…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reset password…</source>
        <translation>重置密码…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change role…</source>
        <translation>更改角色…</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+99"/>
        <location line="+35"/>
        <source>Disable</source>
        <translation>停用</translation>
    </message>
    <message>
        <location line="-70"/>
        <source>Town account</source>
        <translation>镇统一账号</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>This station</source>
        <translation>本站</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Locked until %1</source>
        <translation>锁定至 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Must change password</source>
        <translation>待修改密码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Active</source>
        <translation>正常</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>This account is managed by the town: reset its password or change its role at the town grid center. Disabling it here stays possible in an emergency.</source>
        <translation>这是镇里统一管理的账号，重置密码和更改角色请到镇网格中心办理。如遇紧急情况，仍可在本站停用。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Enable</source>
        <translation>启用</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Disable the account of %1?</source>
        <translation>停用 %1 的账号吗？</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>They can no longer log in. Their work stays on record.</source>
        <translation>停用后不能再登录，其经办记录仍然保留。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Account %1 saved.</source>
        <translation>账号 %1 已保存。</translation>
    </message>
</context>
<context>
    <name>_SidePanel</name>
    <message>
        <location filename="../../ui/pages/conflicts_page.py" line="-127"/>
        <source>Written at %1 by %2, %3</source>
        <translation>%1 站 %2 填写，%3</translation>
    </message>
</context>
<context>
    <name>confirm</name>
    <message>
        <location filename="../../ui/ask.py" line="+23"/>
        <source>Grid Station</source>
        <translation>网格驿站</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Keep editing</source>
        <translation>继续填写</translation>
    </message>
</context>
<context>
    <name>run_app</name>
    <message>
        <location filename="../../ui/app.py" line="+61"/>
        <location line="+12"/>
        <location filename="../../ui/selftest_window.py" line="+38"/>
        <source>Grid Station</source>
        <extracomment>How long the main window may take to show its first data.</extracomment>
        <translation>网格驿站</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Building the demo town, please wait…</source>
        <translation>正在生成演示数据，请稍候…</translation>
    </message>
</context>
<context>
    <name>show_exception</name>
    <message>
        <location filename="../../ui/errors.py" line="+30"/>
        <source>Grid Station</source>
        <translation>网格驿站</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Something went wrong that the program did not expect.</source>
        <translation>程序遇到了意外错误。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Your earlier work is saved. Please try again; if it happens again, copy the details below and send them to your IT contact.</source>
        <translation>之前已保存的内容不受影响。请再试一次；如果仍然出错，请复制下面的详细信息发给技术支持人员。</translation>
    </message>
</context>
</TS>
