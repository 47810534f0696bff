<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
    <context>
        <name>ActionDialogBase</name>
        <message>
            <location filename="../../ui/dialogs/action_dialog_base.py" line="+74" />
            <source>Save</source>
            <translation>保存</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Ctrl+Enter saves</source>
            <translation>Ctrl+回车 保存</translation>
        </message>
        <message>
            <location line="+97" />
            <source>Close without saving?</source>
            <translation>不保存就关闭？</translation>
        </message>
        <message>
            <location line="+1" />
            <source>What you typed will be lost.</source>
            <translation>已填写的内容将不会保存。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Discard</source>
            <translation>放弃</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Keep editing</source>
            <translation>继续填写</translation>
        </message>
    </context>
    <context>
        <name>CaseActionDialog</name>
        <message>
            <location filename="../../ui/dialogs/case_action_dialog.py" line="+52" />
            <source>What was done, and the answer given to the resident</source>
            <translation>办了什么，给群众的答复是什么</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Result</source>
            <translation>办理结果</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Handled by</source>
            <translation>经办</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Why the town center should take it over (required)</source>
            <translation>为什么需要镇中心处理（必填）</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Required</source>
            <translation>必填</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Optional</source>
            <translation>选填</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Reason</source>
            <translation>原因</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Note</source>
            <translation>备注</translation>
        </message>
        <message>
            <location line="+17" />
            <source>Please give the reason.</source>
            <translation>请写明原因。</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Please write the result.</source>
            <translation>请写明办理结果。</translation>
        </message>
    </context>
    <context>
        <name>CaseDetailPage</name>
        <message>
            <location filename="../../ui/pages/case_detail_page.py" line="+126" />
            <source>← Work orders (Esc)</source>
            <translation>← 工单列表（Esc）</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Receipt</source>
            <translation>打印受理回执</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Referral slip</source>
            <translation>打印交办单</translation>
        </message>
        <message>
            <location line="+17" />
            <source>Loading…</source>
            <translation>正在加载…</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Show full ID…</source>
            <translation>查看完整身份证号…</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Requester</source>
            <translation>诉求人</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Channel</source>
            <translation>来源渠道</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Received</source>
            <translation>受理时间</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Category</source>
            <translation>诉求类别</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Grid</source>
            <translation>网格</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Location</source>
            <translation>地点</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Handled by</source>
            <translation>承办</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Deadline</source>
            <translation>办理期限</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Description</source>
            <translation>详细描述</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Result</source>
            <translation>办理结果</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+225" />
            <source>Return visit</source>
            <translation>回访</translation>
        </message>
        <message>
            <location line="-224" />
            <source>Linked</source>
            <translation>关联</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Actions</source>
            <translation>办理操作</translation>
        </message>
        <message>
            <location line="+27" />
            <source>Timeline</source>
            <translation>办理经过</translation>
        </message>
        <message>
            <location line="+54" />
            <source>This work order could not be loaded.</source>
            <translation>这张工单无法加载。</translation>
        </message>
        <message>
            <location line="+32" />
            <source>Supervised</source>
            <translation>督办</translation>
        </message>
        <message>
            <location line="+19" />
            <source>No requester (reported by %1)</source>
            <translation>无诉求人（由%1上报）</translation>
        </message>
        <message>
            <location line="+2" />
            <source>No requester recorded</source>
            <translation>未登记诉求人</translation>
        </message>
        <message>
            <location line="+4" />
            <source>no phone</source>
            <translation>无电话</translation>
        </message>
        <message>
            <location line="+3" />
            <source>ID number: %1</source>
            <translation>身份证号：%1</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Filed on behalf by %1</source>
            <translation>代办人：%1</translation>
        </message>
        <message>
            <location line="+11" />
            <source>(not classified)</source>
            <translation>（未分类）</translation>
        </message>
        <message>
            <location line="+41" />
            <source>solved</source>
            <translation>问题已解决</translation>
        </message>
        <message>
            <location line="+0" />
            <source>not solved</source>
            <translation>问题未解决</translation>
        </message>
        <message>
            <location line="+19" />
            <source>Record progress</source>
            <translation>记录办理进展</translation>
        </message>
        <message>
            <location line="+15" />
            <source>No action is open to you on a work order in this status.</source>
            <translation>工单处于当前状态，您没有可执行的操作。</translation>
        </message>
    </context>
    <context>
        <name>CaseSavedPanel</name>
        <message>
            <location filename="../../ui/widgets/case_saved_panel.py" line="+32" />
            <source>Print receipt (Ctrl+P)</source>
            <translation>打印受理回执（Ctrl+P）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Open work order (Ctrl+O)</source>
            <translation>打开工单（Ctrl+O）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Next request (Ctrl+N)</source>
            <translation>接待下一位（Ctrl+N）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Close (Esc)</source>
            <translation>关闭（Esc）</translation>
        </message>
        <message>
            <location line="+29" />
            <source>Printing is not available in this version.</source>
            <translation>此版本暂不能打印。</translation>
        </message>
    </context>
    <context>
        <name>CaseTableModel</name>
        <message>
            <location filename="../../ui/models/case_table_model.py" line="+204" />
            <source>Number</source>
            <translation>编号</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Received</source>
            <translation>受理时间</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Deadline</source>
            <translation>期限</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Category</source>
            <translation>类别</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Grid</source>
            <translation>网格</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Requester</source>
            <translation>诉求人</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Summary</source>
            <translation>摘要</translation>
        </message>
        <message>
            <location line="+11" />
            <source>(no longer available)</source>
            <translation>（该工单已不存在）</translation>
        </message>
        <message>
            <location line="+24" />
            <source>%1 overdue</source>
            <translation>%1 已超期</translation>
        </message>
        <message>
            <location line="+2" />
            <source>%1 due soon</source>
            <translation>%1 将到期</translation>
        </message>
    </context>
    <context>
        <name>CasesPage</name>
        <message>
            <location filename="../../ui/pages/cases_page.py" line="+71" />
            <source>Work orders</source>
            <translation>工单</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Search by number, name, or words in the request (Ctrl+F)</source>
            <translation>按编号、姓名或诉求内容搜索（Ctrl+F）</translation>
        </message>
        <message>
            <location line="+15" />
            <source>All statuses</source>
            <translation>全部状态</translation>
        </message>
        <message>
            <location line="+6" />
            <source>All categories</source>
            <translation>全部类别</translation>
        </message>
        <message>
            <location line="+4" />
            <source>All communities</source>
            <translation>全部社区/网格</translation>
        </message>
        <message>
            <location line="+5" />
            <source>All channels</source>
            <translation>全部渠道</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Any date</source>
            <translation>全部日期</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Today</source>
            <translation>今天</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Last 7 days</source>
            <translation>近7天</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Last 30 days</source>
            <translation>近30天</translation>
        </message>
        <message>
            <location line="+1" />
            <source>This month</source>
            <translation>本月</translation>
        </message>
        <message>
            <location line="+1" />
            <source>From … to …</source>
            <translation>自定义日期…</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Any deadline</source>
            <translation>全部期限</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Overdue</source>
            <translation>已超期</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Due within 2 working days</source>
            <translation>2个工作日内到期</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Assigned to me</source>
            <translation>我经办的</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Clear filters</source>
            <translation>清除筛选</translation>
        </message>
        <message>
            <location line="+249" />
            <source>Searching…</source>
            <translation>正在搜索…</translation>
        </message>
        <message numerus="yes">
            <location line="+3" />
            <source>%Ln case(s)</source>
            <translation>
                <numerusform>共 %Ln 张</numerusform>
            </translation>
        </message>
        <message>
            <location line="+16" />
            <source>No work order matches.
Try fewer or other words, or choose “All statuses”.</source>
            <translation>没有符合条件的工单。
请换个关键词、少输几个字，或选择“全部状态”。</translation>
        </message>
        <message>
            <location line="+7" />
            <source>No work orders yet.
Requests recorded at the counter will appear here.</source>
            <translation>还没有工单。
在窗口登记的群众诉求会显示在这里。</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Search failed</source>
            <translation>搜索失败</translation>
        </message>
    </context>
    <context>
        <name>DispatchDialog</name>
        <message>
            <location filename="../../ui/dialogs/dispatch_dialog.py" line="+32" />
            <source>Dispatch</source>
            <translation>派单</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Choose a department</source>
            <translation>请选择部门</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Department</source>
            <translation>承办部门</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Deadline</source>
            <translation>办理期限</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Instructions for the department (optional)</source>
            <translation>给承办部门的说明（选填）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Note</source>
            <translation>备注</translation>
        </message>
    </context>
    <context>
        <name>DraftRecoveryDialog</name>
        <message>
            <location filename="../../ui/dialogs/draft_recovery_dialog.py" line="+33" />
            <source>Unfinished requests</source>
            <translation>未填完的诉求</translation>
        </message>
        <message>
            <location line="+3" />
            <source>These requests were being typed when the program closed unexpectedly. Nothing of them has been saved as a work order yet.</source>
            <translation>程序上次意外关闭时，以下诉求正在填写，尚未保存为工单。</translation>
        </message>
        <message>
            <location line="+7" />
            <source>(no summary yet)</source>
            <translation>（尚未填写摘要）</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Continue</source>
            <translation>继续填写</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Discard</source>
            <translation>放弃</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Later</source>
            <translation>以后再说</translation>
        </message>
    </context>
    <context>
        <name>LoginDialog</name>
        <message>
            <location filename="../../ui/login_dialog.py" line="+56" />
            <source>Log in to Grid Station</source>
            <translation>登录网格驿站</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Grid Station</source>
            <translation>网格驿站</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Log in with your station account.</source>
            <translation>请使用本驿站的账号登录。</translation>
        </message>
        <message>
            <location line="+16" />
            <source>&amp;Username</source>
            <translation>登录名(&amp;U)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Password</source>
            <translation>密码(&amp;P)</translation>
        </message>
        <message>
            <location line="+7" />
            <location line="+60" />
            <source>Log in</source>
            <translation>登录</translation>
        </message>
        <message>
            <location line="-58" />
            <source>Exit</source>
            <translation>退出</translation>
        </message>
        <message>
            <location line="+20" />
            <source>Please enter your username.</source>
            <translation>请填写登录名。</translation>
        </message>
        <message>
            <location line="+38" />
            <source>Checking…</source>
            <translation>正在验证…</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <location filename="../../ui/main_window.py" line="+47" />
            <source>Grid Station</source>
            <translation>网格驿站</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Grid Station — %1</source>
            <translation>网格驿站 — %1</translation>
        </message>
        <message>
            <location line="+19" />
            <source>Reception</source>
            <translation>接待</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Work orders</source>
            <translation>工单</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+194" />
            <source>Mediation</source>
            <translation>调解</translation>
        </message>
        <message>
            <location line="-193" />
            <location line="+204" />
            <source>Statistics</source>
            <translation>统计</translation>
        </message>
        <message>
            <location line="-203" />
            <location line="+214" />
            <source>Settings</source>
            <translation>设置</translation>
        </message>
        <message>
            <location line="-199" />
            <source>New request</source>
            <translation>新建诉求</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Quit</source>
            <translation>退出</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Print reception receipt…</source>
            <translation>打印受理回执…</translation>
        </message>
        <message>
            <location line="+17" />
            <source>Counting work orders…</source>
            <translation>正在统计工单…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Database: %1</source>
            <translation>数据库：%1</translation>
        </message>
        <message>
            <location line="+128" />
            <source>Select a work order in the list to print its receipt.</source>
            <translation>请先在工单列表中选中一张工单，再打印受理回执。</translation>
        </message>
        <message>
            <location line="+10" />
            <source>User: %1 (%2)</source>
            <translation>当前用户：%1（%2）</translation>
        </message>
        <message numerus="yes">
            <location line="+3" />
            <source>%Ln work order(s) in total</source>
            <translation>
                <numerusform>工单总数 %Ln 张</numerusform>
            </translation>
        </message>
        <message>
            <location line="+8" />
            <source>Accept disputes for the volunteer mediators</source>
            <translation>受理矛盾纠纷，交由和事佬调解员调解</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Keep parties, investigation and session records</source>
            <translation>记录当事人、调查笔录和调解笔录</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Record agreements, their performance and return visits</source>
            <translation>登记调解协议、履行情况和回访</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Print the official mediation forms and check the case file</source>
            <translation>打印人民调解文书，核对卷宗清单</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Work orders by month, status, category and grid</source>
            <translation>按月份、状态、类别和网格统计工单</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Overdue and supervised work orders</source>
            <translation>超期和督办工单</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Satisfaction from return visits</source>
            <translation>回访满意度</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Export the monthly report to Excel</source>
            <translation>月报导出为 Excel</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Station name, code and mediation committee</source>
            <translation>驿站名称、编码和人民调解委员会</translation>
        </message>
        <message>
            <location line="+1" />
            <source>User accounts and passwords</source>
            <translation>用户账号和密码</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Sync with the town server</source>
            <translation>与镇服务器同步</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Backups and the data folder</source>
            <translation>备份和数据文件夹</translation>
        </message>
    </context>
    <context>
        <name>MediationHandoverDialog</name>
        <message>
            <location filename="../../ui/dialogs/mediation_handover_dialog.py" line="+36" />
            <source>Hand over to mediation</source>
            <translation>转人民调解</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Applicant: %1</source>
            <translation>申请人：%1</translation>
        </message>
        <message>
            <location line="+0" />
            <source>(none)</source>
            <translation>（无）</translation>
        </message>
        <message>
            <location line="+7" />
            <source>The other party: name, pinyin initials or phone</source>
            <translation>纠纷另一方：姓名、拼音首字母或电话</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Respondent</source>
            <translation>被申请人</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Choose a mediator</source>
            <translation>请选择调解员</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Lead mediator</source>
            <translation>主调解员</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Not classified yet</source>
            <translation>暂不分类</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Dispute type</source>
            <translation>纠纷类型</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Facts</source>
            <translation>纠纷简要情况</translation>
        </message>
        <message>
            <location line="+11" />
            <source>New resident: %1 (recorded with the mediation)</source>
            <translation>新居民：%1（随调解案件一并登记）</translation>
        </message>
    </context>
    <context>
        <name>MergeCaseDialog</name>
        <message>
            <location filename="../../ui/dialogs/merge_case_dialog.py" line="+22" />
            <source>Merge duplicate</source>
            <translation>合并重复件</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Number of the case to keep, e.g. %1</source>
            <translation>保留的工单编号，例如 %1</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Merge into</source>
            <translation>并入工单</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Why they are the same request (required)</source>
            <translation>为什么是同一诉求（必填）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Reason</source>
            <translation>原因</translation>
        </message>
    </context>
    <context>
        <name>NewRequestDialog</name>
        <message>
            <location filename="../../ui/dialogs/new_request_dialog.py" line="+106" />
            <location line="+47" />
            <source>New request</source>
            <translation>群众点单（新建诉求）</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Enter: next field · Ctrl+Enter: save · Esc: cancel · ↑↓: choose in lists</source>
            <translation>回车：下一项 · Ctrl+回车：保存 · Esc：取消 · ↑↓：在列表中选择</translation>
        </message>
        <message>
            <location line="+14" />
            <location line="+439" />
            <source>Add to %1 instead (Alt+L)</source>
            <translation>改为补充到 %1（Alt+L）</translation>
        </message>
        <message>
            <location line="-418" />
            <source>Name, pinyin initials (e.g. lll), phone or ID number</source>
            <translation>姓名、拼音首字母（如 lll）、电话或身份证号</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Mobile or landline with area code</source>
            <translation>手机号，或带区号的固定电话</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Optional</source>
            <translation>选填</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Not given</source>
            <translation>未填</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Name</source>
            <translation>姓名</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Phone</source>
            <translation>电话</translation>
        </message>
        <message>
            <location line="+1" />
            <source>ID number</source>
            <translation>身份证号</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Gender</source>
            <translation>性别</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Address</source>
            <translation>住址</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Type to search: 邻里 or llj</source>
            <translation>输入搜索：邻里 或 llj</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Channel / received</source>
            <translation>渠道／时间</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Requester</source>
            <translation>诉求人</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Category</source>
            <translation>诉求类别</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Community or grid: dj 01, 东街01</source>
            <translation>社区或网格：dj 01、东街01</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Where it happens, e.g. 东街12号楼道</source>
            <translation>事发地点，例如 东街12号楼道</translation>
        </message>
        <message>
            <location line="+3" />
            <source>The request in one sentence</source>
            <translation>一句话写下诉求</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Details (optional)</source>
            <translation>详细情况（选填）</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Filed on behalf by staff (代办)</source>
            <translation>工作人员代办</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Settled at the desk (直办): answer given now</source>
            <translation>当场答复并办结</translation>
        </message>
        <message>
            <location line="+4" />
            <source>The answer given to the resident (Enter saves, Shift+Enter: new line)</source>
            <translation>给群众的答复（回车保存，Shift+回车换行）</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Grid</source>
            <translation>网格</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Location</source>
            <translation>地点</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Summary</source>
            <translation>诉求摘要</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Description</source>
            <translation>详细描述</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Urgency</source>
            <translation>紧急程度</translation>
        </message>
        <message>
            <location line="+8" />
            <source>At the desk</source>
            <translation>直办</translation>
        </message>
        <message>
            <location line="+18" />
            <source>Save (Ctrl+S)</source>
            <translation>保存（Ctrl+S）</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <location line="+132" />
            <source>Suggested from the resident's record</source>
            <translation>根据居民登记信息推荐</translation>
        </message>
        <message>
            <location line="+75" />
            <source>%1 · handled within %2 working day(s)</source>
            <translation>%1 · 时限%2个工作日</translation>
        </message>
        <message numerus="yes">
            <location line="+62" />
            <source>The same resident raised this kind of request %n time(s) in the last 30 days:</source>
            <translation>
                <numerusform>该居民近30天内已反映同类诉求 %n 次：</numerusform>
            </translation>
        </message>
        <message>
            <location line="+139" />
            <source>The resident of the draft was not found; choose again.</source>
            <translation>找不到草稿中的居民，请重新选择。</translation>
        </message>
        <message>
            <location line="+61" />
            <source>Saving…</source>
            <translation>正在保存…</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Please correct the fields marked in red.</source>
            <translation>请按红色提示修改后再保存。</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Settled at the desk and closed</source>
            <translation>已窗口直办办结</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Request recorded</source>
            <translation>诉求已受理登记</translation>
        </message>
        <message>
            <location line="+13" />
            <source>Request %1</source>
            <translation>诉求 %1</translation>
        </message>
        <message>
            <location line="+13" />
            <source>Write the request in one sentence first.</source>
            <translation>请先用一句话写下诉求。</translation>
        </message>
        <message>
            <location line="+23" />
            <source>Added to the earlier work order</source>
            <translation>已补充到原工单</translation>
        </message>
        <message>
            <location line="+84" />
            <source>Discard this request?</source>
            <translation>放弃这条诉求？</translation>
        </message>
        <message>
            <location line="+1" />
            <source>What you typed will be lost.</source>
            <translation>已填写的内容将不会保存。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Discard</source>
            <translation>放弃</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Keep editing</source>
            <translation>继续填写</translation>
        </message>
    </context>
    <context>
        <name>PlaceholderPage</name>
        <message>
            <location filename="../../ui/pages/placeholder_page.py" line="+19" />
            <source>Coming soon</source>
            <translation>即将推出</translation>
        </message>
        <message>
            <location line="+2" />
            <source>This area is not built yet. It will let you:</source>
            <translation>此功能尚在开发中，完成后可以：</translation>
        </message>
    </context>
    <context>
        <name>PrintPreviewDialog</name>
        <message>
            <location filename="../../ui/dialogs/print_preview_dialog.py" line="+83" />
            <source>Print preview — %1</source>
            <translation>打印预览 — %1</translation>
        </message>
        <message>
            <location line="+34" />
            <source>&amp;Print…</source>
            <translation>打印(&amp;P)…</translation>
        </message>
        <message>
            <location line="+3" />
            <source>&amp;Save as PDF…</source>
            <translation>另存为 PDF(&amp;S)…</translation>
        </message>
        <message>
            <location line="+3" />
            <location line="+284" />
            <location line="+7" />
            <source>Open in PDF viewer</source>
            <translation>用 PDF 阅读器打开</translation>
        </message>
        <message>
            <location line="-287" />
            <source>Zoom out</source>
            <translation>缩小</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Zoom in</source>
            <translation>放大</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Fit width</source>
            <translation>适合宽度</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Previous page</source>
            <translation>上一页</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Next page</source>
            <translation>下一页</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Close</source>
            <translation>关闭</translation>
        </message>
        <message>
            <location line="+63" />
            <source>Page %1 of %2</source>
            <translation>第 %1 页，共 %2 页</translation>
        </message>
        <message>
            <location line="+59" />
            <location line="+52" />
            <location line="+5" />
            <source>Print</source>
            <translation>打印</translation>
        </message>
        <message>
            <location line="-5" />
            <source>The printer could not be started.</source>
            <translation>无法启动打印机，请检查打印机是否已连接并开机。</translation>
        </message>
        <message>
            <location line="+13" />
            <source>Printing page %1 of %2…</source>
            <translation>正在打印第 %1 页，共 %2 页…</translation>
        </message>
        <message>
            <location line="+40" />
            <location line="+12" />
            <source>Save as PDF</source>
            <translation>另存为 PDF</translation>
        </message>
        <message>
            <location line="-12" />
            <source>PDF documents (*.pdf)</source>
            <translation>PDF 文件 (*.pdf)</translation>
        </message>
        <message>
            <location line="+13" />
            <location line="+16" />
            <source>The file could not be saved:
%1</source>
            <translation>无法保存文件：
%1</translation>
        </message>
        <message>
            <location line="-12" />
            <source>Saved: %1</source>
            <translation>已保存：%1</translation>
        </message>
        <message>
            <location line="+20" />
            <source>No program to open PDF files was found. Use “Save as PDF…” and open the file from there.</source>
            <translation>没有找到可以打开 PDF 文件的程序。请用“另存为 PDF…”保存后再打开。</translation>
        </message>
    </context>
    <context>
        <name>ProgressNoteDialog</name>
        <message>
            <location filename="../../ui/dialogs/progress_note_dialog.py" line="+22" />
            <source>Record progress</source>
            <translation>记录办理进展</translation>
        </message>
        <message>
            <location line="+6" />
            <source>e.g. Visited the site with the grid worker; the owner promised to clear it</source>
            <translation>例如：已与网格员上门查看，当事人承诺清理</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Progress</source>
            <translation>办理进展</translation>
        </message>
    </context>
    <context>
        <name>ReceptionPage</name>
        <message>
            <location filename="../../ui/pages/reception_page.py" line="+30" />
            <source>Reception</source>
            <translation>接待</translation>
        </message>
        <message>
            <location line="+2" />
            <source>New request  (Ctrl+N)</source>
            <translation>群众点单（Ctrl+N）</translation>
        </message>
        <message>
            <location line="+7" />
            <source>1. Find the resident: name, pinyin initials, phone or ID number</source>
            <translation>1. 查找居民：姓名、拼音首字母、电话或身份证号</translation>
        </message>
        <message>
            <location line="+1" />
            <source>2. Choose the category and the grid, write the request</source>
            <translation>2. 选择诉求类别和网格，写下诉求</translation>
        </message>
        <message>
            <location line="+1" />
            <source>3. Settle it at the desk, or save it and hand over the receipt</source>
            <translation>3. 当场直办，或保存后交给群众受理回执</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Unfinished requests</source>
            <translation>未填完的诉求</translation>
        </message>
        <message>
            <location line="+7" />
            <source>None: every request was saved.</source>
            <translation>没有：所有诉求都已保存。</translation>
        </message>
        <message>
            <location line="+20" />
            <source>(no summary yet)</source>
            <translation>（尚未填写摘要）</translation>
        </message>
    </context>
    <context>
        <name>ResidentLookup</name>
        <message>
            <location filename="../../ui/widgets/resident_lookup.py" line="+118" />
            <source>no phone</source>
            <translation>无电话</translation>
        </message>
        <message>
            <location line="+1" />
            <source>ID %1</source>
            <translation>身份证 %1</translation>
        </message>
        <message>
            <location line="+49" />
            <source>+ New resident “%1”</source>
            <translation>＋ 新建居民“%1”</translation>
        </message>
        <message>
            <location line="+4" />
            <source>No resident found</source>
            <translation>没有找到居民</translation>
        </message>
    </context>
    <context>
        <name>ReturnVisitDialog</name>
        <message>
            <location filename="../../ui/dialogs/return_visit_dialog.py" line="+37" />
            <source>Return visit</source>
            <translation>回访</translation>
        </message>
        <message>
            <location line="+16" />
            <source>Satisfaction</source>
            <translation>满意度</translation>
        </message>
        <message>
            <location line="+3" />
            <source>&amp;Yes, solved</source>
            <translation>已解决(&amp;Y)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;No, not solved</source>
            <translation>未解决(&amp;N)</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Problem solved?</source>
            <translation>问题是否解决</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Keys: 1–3 satisfaction, Y / N solved, Enter saves</source>
            <translation>按键：1–3 选满意度，Y / N 选是否解决，回车保存</translation>
        </message>
        <message>
            <location line="+8" />
            <source>What the resident said (optional)</source>
            <translation>群众的意见（选填）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Notes</source>
            <translation>回访记录</translation>
        </message>
        <message>
            <location line="+44" />
            <source>The work order goes back to be handled again (重办).</source>
            <translation>工单将退回重办。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>The work order will be closed (办结).</source>
            <translation>工单将办结。</translation>
        </message>
    </context>
    <context>
        <name>RevealIdDialog</name>
        <message>
            <location filename="../../ui/dialogs/reveal_id_dialog.py" line="+44" />
            <source>Show full ID number</source>
            <translation>查看完整身份证号</translation>
        </message>
        <message>
            <location line="+3" />
            <source>The full ID number of %1 is personal information. Viewing it is recorded with your name and the reason.</source>
            <translation>%1的完整身份证号属于个人信息。查看将连同您的姓名和原因一并记录在案。</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Verify identity against the ID card</source>
            <translation>与身份证核对身份</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Needed for a document or a referral</source>
            <translation>出具文书或转办需要</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Correct a wrongly recorded number</source>
            <translation>更正登记错误的号码</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Reason</source>
            <translation>原因</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Show</source>
            <translation>查看</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Close</source>
            <translation>关闭</translation>
        </message>
    </context>
    <context>
        <name>confirm</name>
        <message>
            <location filename="../../ui/ask.py" line="+23" />
            <source>Grid Station</source>
            <translation>网格驿站</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Keep editing</source>
            <translation>继续填写</translation>
        </message>
    </context>
    <context>
        <name>run_app</name>
        <message>
            <location filename="../../ui/app.py" line="+55" />
            <location line="+12" />
            <location line="+42" />
            <source>Grid Station</source>
            <translation>网格驿站</translation>
        </message>
        <message>
            <location line="-40" />
            <source>Building the demo town, please wait…</source>
            <translation>正在生成演示数据，请稍候…</translation>
        </message>
        <message>
            <location line="+43" />
            <source>There is no station database in %1 yet.</source>
            <translation>数据文件夹 %1 中还没有驿站数据库。</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Setting up a new station (station code, users, town data) will come with the first-run setup in a later version.

To try the program now, build the demo town: click “Build demo town”, or run
grid-station demo --data-dir %1</source>
            <translation>新驿站的设置（驿站编码、用户账号、镇村数据）将由后续版本的首次设置向导完成。

现在想先试用，可以生成演示镇：点击“生成演示数据”，或运行
grid-station demo --data-dir %1</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Build demo town</source>
            <translation>生成演示数据</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Exit</source>
            <translation>退出</translation>
        </message>
    </context>
    <context>
        <name>show_exception</name>
        <message>
            <location filename="../../ui/errors.py" line="+28" />
            <source>Grid Station</source>
            <translation>网格驿站</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Something went wrong that the program did not expect.</source>
            <translation>程序遇到了意外错误。</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Your earlier work is saved. Please try again; if it happens again, copy the details below and send them to your IT contact.</source>
            <translation>之前已保存的内容不受影响。请再试一次；如果仍然出错，请复制下面的详细信息发给技术支持人员。</translation>
        </message>
    </context>
</TS>
