<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CaseTableModel</name>
    <message>
        <location filename="../../ui/models/case_table_model.py" line="+197"/>
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
</context>
<context>
    <name>CasesPage</name>
    <message>
        <location filename="../../ui/pages/cases_page.py" line="+53"/>
        <source>Work orders</source>
        <translation>工单</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Search by number, name, or words in the request (Ctrl+F)</source>
        <translation>按编号、姓名或诉求内容搜索（Ctrl+F）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location line="+91"/>
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
        <location line="+9"/>
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
    <name>LoginDialog</name>
    <message>
        <location filename="../../ui/login_dialog.py" line="+44"/>
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
        <location line="+56"/>
        <source>Log in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location line="-54"/>
        <source>Exit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Please enter your username.</source>
        <translation>请填写登录名。</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Checking…</source>
        <translation>正在验证…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="+33"/>
        <source>Grid Station</source>
        <translation>网格驿站</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Grid Station — %1</source>
        <translation>网格驿站 — %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+75"/>
        <source>Reception</source>
        <translation>接待</translation>
    </message>
    <message>
        <location line="-74"/>
        <source>Work orders</source>
        <translation>工单</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+87"/>
        <source>Mediation</source>
        <translation>调解</translation>
    </message>
    <message>
        <location line="-86"/>
        <location line="+97"/>
        <source>Statistics</source>
        <translation>统计</translation>
    </message>
    <message>
        <location line="-96"/>
        <location line="+107"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location line="-92"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Counting work orders…</source>
        <translation>正在统计工单…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Database: %1</source>
        <translation>数据库：%1</translation>
    </message>
    <message>
        <location line="+31"/>
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
        <source>Record a walk-in, phone or WeChat request in under a minute</source>
        <translation>一分钟内登记来访、来电或微信群里的群众诉求</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Find the resident by name, phone number or pinyin initials</source>
        <translation>按姓名、电话或拼音首字母查找居民</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Settle it at the desk, handle it at the station, or report it to the town grid center</source>
        <translation>窗口直办、本站办理，或上报镇网格服务管理中心</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Print the receipt slip for the resident</source>
        <translation>为群众打印受理回执</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Accept disputes for the volunteer mediators</source>
        <translation>受理矛盾纠纷，交由和事佬调解员调解</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep parties, investigation and session records</source>
        <translation>记录当事人、调查笔录和调解笔录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record agreements, their performance and return visits</source>
        <translation>登记调解协议、履行情况和回访</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print the official mediation forms and check the case file</source>
        <translation>打印人民调解文书，核对卷宗清单</translation>
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
    <message>
        <location line="+8"/>
        <source>Station name, code and mediation committee</source>
        <translation>驿站名称、编码和人民调解委员会</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>User accounts and passwords</source>
        <translation>用户账号和密码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sync with the town server</source>
        <translation>与镇服务器同步</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Backups and the data folder</source>
        <translation>备份和数据文件夹</translation>
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
    <name>run_app</name>
    <message>
        <location filename="../../ui/app.py" line="+54"/>
        <location line="+12"/>
        <location line="+42"/>
        <source>Grid Station</source>
        <translation>网格驿站</translation>
    </message>
    <message>
        <location line="-40"/>
        <source>Building the demo town, please wait…</source>
        <translation>正在生成演示数据，请稍候…</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>There is no station database in %1 yet.</source>
        <translation>数据文件夹 %1 中还没有驿站数据库。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Setting up a new station (station code, users, town data) will come with the first-run setup in a later version.

To try the program now, build the demo town: click “Build demo town”, or run
grid-station demo --data-dir %1</source>
        <translation>新驿站的设置（驿站编码、用户账号、镇村数据）将由后续版本的首次设置向导完成。

现在想先试用，可以生成演示镇：点击“生成演示数据”，或运行
grid-station demo --data-dir %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Build demo town</source>
        <translation>生成演示数据</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Exit</source>
        <translation>退出</translation>
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
