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
        <location filename="../../ui/pages/case_detail_page.py" line="+128"/>
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
        <location line="+260"/>
        <source>Return visit</source>
        <translation>回访</translation>
    </message>
    <message>
        <location line="-259"/>
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
        <location line="+41"/>
        <source>solved</source>
        <translation>问题已解决</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>not solved</source>
        <translation>问题未解决</translation>
    </message>
    <message>
        <location line="+19"/>
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
        <location filename="../../ui/pages/cases_page.py" line="+70"/>
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
        <location line="+227"/>
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
    <name>DispatchDialog</name>
    <message>
        <location filename="../../ui/dialogs/dispatch_dialog.py" line="+32"/>
        <source>Dispatch</source>
        <translation>派单</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose a department</source>
        <translation>请选择部门</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Department</source>
        <translation>承办部门</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Deadline</source>
        <translation>办理期限</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Instructions for the department (optional)</source>
        <translation>给承办部门的说明（选填）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note</source>
        <translation>备注</translation>
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
    <name>LoginDialog</name>
    <message>
        <location filename="../../ui/login_dialog.py" line="+56"/>
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
        <location line="+16"/>
        <source>&amp;Username</source>
        <translation>登录名(&amp;U)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Password</source>
        <translation>密码(&amp;P)</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+60"/>
        <source>Log in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location line="-58"/>
        <source>Exit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Please enter your username.</source>
        <translation>请填写登录名。</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Checking…</source>
        <translation>正在验证…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="+51"/>
        <source>Grid Station</source>
        <translation>网格驿站</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Grid Station — %1</source>
        <translation>网格驿站 — %1</translation>
    </message>
    <message>
        <location line="+22"/>
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
        <location line="+199"/>
        <source>Statistics</source>
        <translation>统计</translation>
    </message>
    <message>
        <location line="-198"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location line="+15"/>
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
        <location line="+20"/>
        <source>Counting work orders…</source>
        <translation>正在统计工单…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Database: %1</source>
        <translation>数据库：%1</translation>
    </message>
    <message>
        <location line="+131"/>
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
    <message>
        <location line="+8"/>
        <source>Work orders by month, status, category and grid</source>
        <translation>按月份、状态、类别和网格统计工单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Overdue and supervised work orders</source>
        <translation>超期和督办工单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Satisfaction from return visits</source>
        <translation>回访满意度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export the monthly report to Excel</source>
        <translation>月报导出为 Excel</translation>
    </message>
</context>
<context>
    <name>MediationAgreementDialog</name>
    <message>
        <location filename="../../ui/dialogs/mediation_agreement_dialog.py" line="+65"/>
        <source>Agreement</source>
        <translation>调解协议</translation>
    </message>
    <message>
        <location line="+6"/>
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
</context>
<context>
    <name>MediationDetailPage</name>
    <message>
        <location filename="../../ui/pages/mediation_detail_page.py" line="+111"/>
        <source>← Mediation cases (Esc)</source>
        <translation>← 调解案件 (Esc)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Print case file</source>
        <translation>打印卷宗</translation>
    </message>
    <message>
        <location line="+14"/>
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
        <location line="+1"/>
        <source>Return visits</source>
        <translation>回访</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outcome</source>
        <translation>调解结果</translation>
    </message>
    <message>
        <location line="+35"/>
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
        <location line="+13"/>
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
        <location line="+23"/>
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
        <location line="+10"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Visitor</source>
        <translation>回访人</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Performed?</source>
        <translation>履行情况</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Notes</source>
        <translation>回访情况</translation>
    </message>
    <message>
        <location line="+14"/>
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
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
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
        <source>Performance</source>
        <translation>履行情况</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Statistics</source>
        <translation>统计信息</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Record outcome…</source>
        <translation>记录调解结果(&amp;R)…</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>This mediation case could not be loaded.</source>
        <translation>无法加载这个调解案件。</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Overdue by %1 day(s)</source>
        <translation>已超期 %1 天</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 day(s) left</source>
        <translation>还剩 %1 天</translation>
    </message>
    <message>
        <location line="+11"/>
        <source> (referred by %1)</source>
        <translation>（移送单位：%1）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> (lead)</source>
        <translation>（主调）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>(not classified)</source>
        <translation>（未分类）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Not recorded yet</source>
        <translation>尚未记录</translation>
    </message>
    <message>
        <location line="+59"/>
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
        <location line="+3"/>
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
        <location line="+24"/>
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
    <name>MediationNewCaseDialog</name>
    <message>
        <location filename="../../ui/dialogs/mediation_new_case_dialog.py" line="+81"/>
        <source>New mediation case</source>
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
        <source>Type into a cell to fill in ethnic group, occupation, address or agent; a known resident&apos;s phone stays masked.</source>
        <translation>在表格中直接输入民族、职业、住址或代理人；已登记居民的电话保持隐藏。</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>%1 is already a party.</source>
        <translation>%1 已经是当事人。</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>New resident: added to the register when saved</source>
        <translation>新居民：保存时登记到居民名册</translation>
    </message>
</context>
<context>
    <name>MediationOutcomeDialog</name>
    <message>
        <location filename="../../ui/dialogs/mediation_outcome_dialog.py" line="+47"/>
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
        <location line="+8"/>
        <source>Statistics</source>
        <translation>统计信息</translation>
    </message>
</context>
<context>
    <name>MediationPage</name>
    <message>
        <location filename="../../ui/pages/mediation_page.py" line="+79"/>
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
        <location line="+5"/>
        <source>New mediation case (Ctrl+Shift+N)</source>
        <translation>受理调解案件 (Ctrl+Shift+N)</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Mediation files are confidential.
Only mediators and station administrators can open them.</source>
        <translation>调解档案须保密。
只有调解员和驿站管理员可以查看。</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Searching…</source>
        <translation>正在搜索…</translation>
    </message>
    <message numerus="yes">
        <location line="+22"/>
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
        <location line="+5"/>
        <source>No mediation cases yet.
Accept a dispute with “New mediation case”, or hand one over from a work order.</source>
        <translation>还没有调解案件。
可点击“受理调解案件”，或从工单转调解。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Search failed</source>
        <translation>搜索失败</translation>
    </message>
</context>
<context>
    <name>MediationPartyDialog</name>
    <message>
        <location filename="../../ui/dialogs/mediation_party_dialog.py" line="+31"/>
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
        <location line="+6"/>
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
        <location filename="../../ui/dialogs/mediation_record_dialog.py" line="+50"/>
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
    <message>
        <location line="+45"/>
        <source>Restored the unsaved text from %1.</source>
        <translation>已恢复 %1 未保存的内容。</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Draft saved at %1</source>
        <translation>草稿已于 %1 保存</translation>
    </message>
    <message numerus="yes">
        <location line="+17"/>
        <source>%n character(s)</source>
        <translation>
            <numerusform>%n 个字</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MediationTableModel</name>
    <message>
        <location filename="../../ui/models/mediation_table_model.py" line="+36"/>
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
</context>
<context>
    <name>MediationVisitDialog</name>
    <message>
        <location filename="../../ui/dialogs/mediation_visit_dialog.py" line="+38"/>
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
        <location line="+4"/>
        <source>What was seen and said; any lawsuit; risk of escalation; measures taken</source>
        <translation>回访所见所闻；是否起诉；有无激化风险；采取的措施</translation>
    </message>
    <message>
        <location line="+2"/>
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
        <location filename="../../ui/dialogs/reveal_id_dialog.py" line="+44"/>
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
        <location filename="../../ui/app.py" line="+57"/>
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
        <location filename="../../ui/errors.py" line="+28"/>
        <source>Grid Station</source>
        <translation>网格驿站</translation>
    </message>
    <message>
        <location line="+9"/>
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
