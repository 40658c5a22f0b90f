<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AccountsDialog</name>
    <message>
        <location filename="../../desk_app/ui/accounts_dialog.py" line="+62"/>
        <source>Accounts — {app}</source>
        <translation>账号 — {app}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>User name</source>
        <translation>用户名</translation>
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
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Locked until</source>
        <translation>锁定至</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Disable</source>
        <translation>停用</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enable and unlock</source>
        <translation>启用并解锁</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reset password…</source>
        <translation>重置密码…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Latin letters and digits, for example wangli</source>
        <translation>拉丁字母和数字，例如 wangli</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>as printed on the forms, for example 王丽</source>
        <translation>打印在表单上的姓名，例如 王丽</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Create account</source>
        <translation>创建账号</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New account</source>
        <translation>新账号</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>User name:</source>
        <translation>用户名：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name:</source>
        <translation>姓名：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Role:</source>
        <translation>角色：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Repeat password:</source>
        <translation>确认密码：</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>no (disabled)</source>
        <translation>否（已停用）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>reset: to be changed at the next sign-in</source>
        <translation>已重置，下次登录时须修改</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>{username} can sign in again.</source>
        <translation>{username} 可以重新登录。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{username} can no longer sign in.</source>
        <translation>{username} 已不能登录。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Reset password</source>
        <translation>重置密码</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Reset the password of {name} ({username})?
They get a temporary password and must choose their own at the next sign-in.

Your password, {me}:</source>
        <translation>要重置{name}（{username}）的密码吗？
重置后将生成一个临时密码，对方下次登录时须设置自己的新密码。

请输入您（{me}）的密码：</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Temporary password for {username}: {password}
Give it to {name} in person; it is shown only now. They choose their own at the next sign-in.</source>
        <translation>{username} 的临时密码：{password}
请当面交给{name}；此密码只显示这一次。对方下次登录时须设置自己的新密码。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The two passwords are not the same.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Account {username} created.</source>
        <translation>账号 {username} 已创建。</translation>
    </message>
</context>
<context>
    <name>ActionDialog</name>
    <message>
        <location filename="../../desk_app/ui/ticket_tab/action_dialog.py" line="+66"/>
        <source>Valid complaint</source>
        <translation>有效投诉</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Invalid complaint</source>
        <translation>无效投诉</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Judged:</source>
        <translation>判定：</translation>
    </message>
    <message>
        <source>Put back what you typed at {time} and did not save.</source>
        <translation type="vanished">已恢复您在 {time} 输入但未保存的内容。</translation>
    </message>
</context>
<context>
    <name>AreaPage</name>
    <message>
        <location filename="../../desk_app/ui/handover_tab/area_page.py" line="+30"/>
        <source>4. Area check</source>
        <translation>4. 区域检查</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The incoming clerk records anything out of order in the area; the outgoing clerk explains each one. A fault found now stops the handover until the outgoing clerk has dealt with it.</source>
        <translation>接班人记录区域内发现的异常，交班人逐条说明。此时发现的故障会暂停交接班，直到交班人处理完毕。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Anomaly found by the incoming clerk</source>
        <translation>接班人发现的异常</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Explanation by the outgoing clerk</source>
        <translation>交班人说明</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>e.g. the lobby door closer is loose</source>
        <translation>例如：大堂闭门器松动</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add anomaly</source>
        <translation>添加异常</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Fault</source>
        <translation>故障</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>How the outgoing clerk dealt with it</source>
        <translation>交班人的处理情况</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>e.g. the fire alarm panel shows a fault</source>
        <translation>例如：消防报警主机显示故障</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Report a fault</source>
        <translation>报告故障</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Faults during the handover</source>
        <translation>交接班期间的故障</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>needed before the handover goes on</source>
        <translation>处理后才能继续交接班</translation>
    </message>
</context>
<context>
    <name>BackupDialog</name>
    <message>
        <location filename="../../desk_app/ui/backup_dialog.py" line="+36"/>
        <source>Backups and locking</source>
        <translation>备份与锁屏</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Back up now</source>
        <translation>立即备份</translation>
    </message>
    <message>
        <location line="+5"/>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Backup folder:</source>
        <translation>备份文件夹：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lock the window after:</source>
        <translation>无人操作多久后锁屏：</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>A backup is made every day the program runs; dailies are kept for a month, the first of each month for three years. Restore with “desk-app restore FILE” while DutyDesk is closed; the backup is checked first and the current database kept aside.</source>
        <translation>程序运行的每一天都会自动备份；每日备份保留一个月，每月第一份保留三年。恢复时请先关闭值班台，再运行“desk-app restore 文件”；恢复前会先检查备份，并另行保留当前数据库。</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>No backups in this folder yet.</source>
        <translation>此文件夹中还没有备份。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Backup folder</source>
        <translation>备份文件夹</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Backed up to {path}.</source>
        <translation>已备份到 {path}。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Saved: the window locks after {n} minutes from the next sign-in.</source>
        <translation>已保存：下次登录起，无人操作 {n} 分钟后锁屏。</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <location filename="../../desk_app/ui/password_dialog.py" line="+80"/>
        <source>Change password — {app}</source>
        <translation>修改密码 — {app}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The password of {name} ({username}).</source>
        <translation>{name}（{username}）的密码。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>at least 8 characters</source>
        <translation>至少 8 个字符</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Current password:</source>
        <translation>当前密码：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New password:</source>
        <translation>新密码：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Repeat new password:</source>
        <translation>确认新密码：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Change password</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The two new passwords are not the same.</source>
        <translation>两次输入的新密码不一致。</translation>
    </message>
</context>
<context>
    <name>ChangesDialog</name>
    <message>
        <location filename="../../desk_app/ui/roster_tab/changes_dialog.py" line="+13"/>
        <source>Changes to the roster {year}-{month:02d}</source>
        <translation>{year}-{month:02d} 值班安排表的变更</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Person and day</source>
        <translation>人员及日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change</source>
        <translation>变更</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Why</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>ClockKind</name>
    <message>
        <location filename="../../desk_app/domain/tickets.py" line="+171"/>
        <source>Reply</source>
        <translation>答复</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next reply</source>
        <translation>下次答复</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Agreed visit</source>
        <translation>约定上门</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Follow-up visit</source>
        <translation>回访</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Incident report</source>
        <translation>事件报告</translation>
    </message>
</context>
<context>
    <name>CloseFollowUpDialog</name>
    <message>
        <location filename="../../desk_app/ui/handover_tab/follow_up_dialog.py" line="+29"/>
        <source>Close follow-up #{id}</source>
        <translation>关闭跟进事项 #{id}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>How it was dealt with</source>
        <translation>处理情况</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Entry</source>
        <translation>记录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Record as done</source>
        <translation>记为已完成</translation>
    </message>
</context>
<context>
    <name>CorrectionDialog</name>
    <message>
        <location filename="../../desk_app/ui/log_tab/correction_dialog.py" line="+39"/>
        <source>Correct entry #{id}</source>
        <translation>更正记录 #{id}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Log entries are never changed. The correction is saved as a new entry; #{id} stays in the log, struck through, with a link to the correction.</source>
        <translation>值班记录永不修改。更正保存为一条新记录；#{id} 仍保留在记录中，加删除线，并链接到更正。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Needs follow-up</source>
        <translation>需跟进</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Situation</source>
        <translation>情况</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Handling and result</source>
        <translation>处理及结果</translation>
    </message>
</context>
<context>
    <name>CountPage</name>
    <message>
        <location filename="../../desk_app/ui/handover_tab/count_page.py" line="+28"/>
        <source>2. Item count</source>
        <translation>2. 物品清点</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The incoming clerk counts every item and notes its condition. The outgoing clerk explains every difference and every damaged item.</source>
        <translation>接班人清点每件物品并记录状况。交班人说明每一处差异和每件损坏的物品。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Item</source>
        <translation>物品</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expected</source>
        <translation>应有数量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Counted</source>
        <translation>实点数量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Condition</source>
        <translation>状况</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Difference</source>
        <translation>差异</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Explanation by the outgoing clerk</source>
        <translation>交班人说明</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>count</source>
        <translation>数量</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Good</source>
        <translation>完好</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Damaged</source>
        <translation>损坏</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>{name} recorded at {time} that this desk keeps no items: there is nothing to count.</source>
        <translation>{name}已于 {time} 记录：本岗位不保管需清点的物品，无需清点。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>This desk has no item list yet, so nothing can be counted and the handover cannot be signed. A supervisor opens Item list… in the handover tab and adds the items kept at the desk (keys, walkie-talkies, cash float …), or records there that this desk keeps none. Then pause the handover and resume it: the items appear here.</source>
        <translation>本岗位尚未设置物品清点清单，无法清点，交接班也不能签名。请主管在“交接班”页点“物品清点清单…”，添加岗位保管的物品（钥匙、对讲机、备用金等），或在那里记录本岗位不保管物品。然后暂停交接班再继续，物品即会出现在这里。</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>needed: why the count differs or the item is damaged</source>
        <translation>必填：数量不符或物品损坏的原因</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <location filename="../../desk_app/ui/errors.py" line="+81"/>
        <source>DutyDesk: unexpected error</source>
        <translation>值班台：意外错误</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Something went wrong inside DutyDesk. What you saved before is safe. If it happens again, copy the details below and send them to whoever looks after this computer.</source>
        <translation>值班台内部出现错误。之前保存的内容是安全的。如果再次出现，请复制下面的详细信息，发给负责这台电脑的人员。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The details are also in the log file: {path}</source>
        <translation>详细信息也已写入日志文件：{path}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Copy details</source>
        <translation>复制详细信息</translation>
    </message>
</context>
<context>
    <name>DayKind</name>
    <message>
        <location filename="../../desk_app/domain/workdays.py" line="+49"/>
        <source>Holiday</source>
        <translation>放假</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Make-up working day</source>
        <translation>调休上班</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ordinary day</source>
        <translation>照常（不放假、不调休）</translation>
    </message>
</context>
<context>
    <name>DecisionDialog</name>
    <message>
        <location filename="../../desk_app/ui/roster_tab/requests_panel.py" line="+128"/>
        <source>Approve the request</source>
        <translation>批准申请</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Decline the request</source>
        <translation>不批准申请</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Your password gives the decision</source>
        <translation>以您的密码作出决定</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Note:</source>
        <translation>备注：</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reason:</source>
        <translation>理由：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
</context>
<context>
    <name>DeskError</name>
    <message>
        <location filename="../../desk_app/domain/categories.py" line="+68"/>
        <location filename="../../desk_app/services/log.py" line="+93"/>
        <source>Unknown category: {value}.</source>
        <translation>未知类别：{value}。</translation>
    </message>
    <message>
        <location filename="../../desk_app/domain/roles.py" line="+57"/>
        <source>This needs the role {role}; you are signed in as {mine}.</source>
        <translation>此操作需要 {role} 角色；您当前的角色是 {mine}。</translation>
    </message>
    <message>
        <location filename="../../desk_app/domain/shifts.py" line="+52"/>
        <location filename="../../desk_app/services/desk.py" line="+160"/>
        <source>A shift must start between 00:00 and 23:59.</source>
        <translation>班次开始时间必须在 00:00 至 23:59 之间。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A shift lasts between 30 minutes and 24 hours.</source>
        <translation>班次时长须在 30 分钟至 24 小时之间。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A shift needs a name.</source>
        <translation>班次需要名称。</translation>
    </message>
    <message>
        <location filename="../../desk_app/domain/text_rules.py" line="+39"/>
        <source>{field} must not be empty.</source>
        <translation>{field}不能为空。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{field} is {length} characters long; the limit is {limit}.</source>
        <translation>{field}长 {length} 个字符，上限为 {limit}。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>{field} contains {char!r}, which cannot be printed on the paper form (emoji and rare symbols are not allowed).</source>
        <translation>{field}包含 {char!r}，无法打印在纸质表单上（不允许使用表情符号和生僻符号）。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{field} contains a control character (U+{code:04X}).</source>
        <translation>{field}包含控制字符（U+{code:04X}）。</translation>
    </message>
    <message>
        <location filename="../../desk_app/services/account_rules.py" line="+31"/>
        <source>A user name is 2 to 40 Latin letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos; (for example wangli).</source>
        <translation>用户名由 2 至 40 个拉丁字母、数字、“.”、“_”或“-”组成（例如 wangli）。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>A password needs at least {n} characters.</source>
        <translation>密码至少需要 {n} 个字符。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A password has at most {n} characters.</source>
        <translation>密码最多 {n} 个字符。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>A password may not start or end with a space or contain control characters.</source>
        <translation>密码不能以空格开头或结尾，也不能包含控制字符。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The new password must be different from the current one.</source>
        <translation>新密码不能与当前密码相同。</translation>
    </message>
    <message>
        <location filename="../../desk_app/services/accounts.py" line="+108"/>
        <source>Wrong user name or password.</source>
        <translation>用户名或密码错误。</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>This account is disabled. Ask a supervisor.</source>
        <translation>此账号已停用，请联系客服主管。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Too many wrong passwords: this account is locked for {minutes} more minutes.</source>
        <translation>密码错误次数过多：此账号还将锁定 {minutes} 分钟。</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>Wrong password: nothing was approved.</source>
        <translation>密码不正确，未予确认。</translation>
    </message>
    <message>
        <location line="+210"/>
        <source>This was not done by a signed-in person: nothing was saved. Sign in again.</source>
        <translation>这不是已登录人员的操作：未保存任何内容。请重新登录。</translation>
    </message>
    <message>
        <source>Wrong password five times: this account is locked for {minutes} minutes.</source>
        <translation type="vanished">密码已错误五次：此账号锁定 {minutes} 分钟。</translation>
    </message>
    <message>
        <source>Wrong user name or password ({left} tries left before the account locks).</source>
        <translation type="vanished">用户名或密码错误（再错 {left} 次账号将被锁定）。</translation>
    </message>
    <message>
        <location line="-72"/>
        <source>You cannot create an account with a higher role than yours.</source>
        <translation>不能创建角色高于您本人的账号。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The user name {username} is taken.</source>
        <translation>用户名 {username} 已被使用。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>You cannot disable your own account.</source>
        <translation>不能停用您自己的账号。</translation>
    </message>
    <message>
        <location line="-141"/>
        <location line="+145"/>
        <location line="+59"/>
        <source>No such account.</source>
        <translation>没有这个账号。</translation>
    </message>
    <message>
        <location filename="../../desk_app/services/account_rules.py" line="+21"/>
        <source>The password of {username} was reset by a supervisor and must be changed first: nothing was saved. Sign in as {username} and choose a new password.</source>
        <translation>{username} 的密码已由主管重置，须先修改：未保存任何内容。请以 {username} 登录并设置新密码。</translation>
    </message>
    <message>
        <location filename="../../desk_app/services/accounts.py" line="-186"/>
        <source>This account is disabled: nothing was saved. Ask a supervisor.</source>
        <translation>此账号已停用：未保存任何内容。请联系主管。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Your role was changed after you signed in: nothing was saved. Sign in again.</source>
        <translation>您登录后角色已被更改：未保存任何内容。请重新登录。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>You signed in more than {hours} hours ago: nothing was saved. Sign in again.</source>
        <translation>您登录已超过 {hours} 小时：未保存任何内容。请重新登录。</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>The current password is wrong: nothing was changed.</source>
        <translation>当前密码不正确，密码未修改。</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>You cannot reset your own password: change it with Change password… instead.</source>
        <translation>不能重置自己的密码：请改用“修改密码…”。</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>You cannot change an account with a higher role than yours.</source>
        <translation>不能修改角色高于您本人的账号。</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>You cannot reset the password of an account with a higher role than yours.</source>
        <translation>不能重置角色高于您的账号的密码。</translation>
    </message>
    <message>
        <location filename="../../desk_app/services/demo.py" line="+117"/>
        <source>Demo data needs an active supervisor account to sign the days.</source>
        <translation>演示数据需要一个启用的客服主管账号来审阅每天的记录。</translation>
    </message>
    <message>
        <location line="+55"/>
        <location filename="../../desk_app/services/demo_tickets.py" line="+352"/>
        <source>Demo data needs at least one day and one entry a day.</source>
        <translation>演示数据至少需要一天、每天一条记录。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>This database already has log entries; demo data is only made in an empty log, so that it never mixes with a real one.</source>
        <translation>此数据库已有值班记录；演示数据只写入空记录，以免与真实记录混在一起。</translation>
    </message>
    <message>
        <location line="+17"/>
        <location filename="../../desk_app/services/desk.py" line="-84"/>
        <location line="+112"/>
        <source>The desk needs at least one shift.</source>
        <translation>前台至少需要一个班次。</translation>
    </message>
    <message>
        <location filename="../../desk_app/services/desk.py" line="-145"/>
        <source>Unknown time zone: {name}.</source>
        <translation>未知时区：{name}。</translation>
    </message>
    <message>
        <location line="+44"/>
        <location line="+7"/>
        <source>This desk is already set up.</source>
        <translation>此前台已设置完毕。</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>This desk is not set up yet.</source>
        <translation>此前台尚未设置。</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>There is already a shift called {name}.</source>
        <translation>已有名为{name}的班次。</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>The window locks after 1 to 240 minutes.</source>
        <translation>锁屏时间须为 1 到 240 分钟。</translation>
    </message>
    <message>
        <location filename="../../desk_app/services/log.py" line="+3"/>
        <source>Entries of the category {value} are written by the program only.</source>
        <translation>类别为 {value} 的记录只能由程序写入。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No shift is running now, so nothing can be logged.</source>
        <translation>当前没有进行中的班次，无法记录。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The time {time} is in the future.</source>
        <translation>时间 {time} 在将来。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The time {time} is before the current shift ({shift}, from {start}); earlier events are logged as a correction or by that shift.</source>
        <translation>时间 {time} 早于当前班次（{shift}，{start} 开始）；更早的事情请以更正记录，或由那个班次记录。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The time {time} is earlier than now: say why the entry is late.</source>
        <translation>时间 {time} 早于现在：请说明补记的原因。</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+38"/>
        <source>Log entry #{id} does not exist.</source>
        <translation>值班记录 #{id} 不存在。</translation>
    </message>
    <message>
        <location line="-32"/>
        <source>Entry #{id} was already corrected by #{by}; correct #{by} instead.</source>
        <translation>记录 #{id} 已由 #{by} 更正；请更正 #{by}。</translation>
    </message>
    <message>
        <location line="+133"/>
        <source>A day in the future cannot be signed.</source>
        <translation>不能审阅将来的日期。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The records of {day} can be signed from {time}, when its last shift ends.</source>
        <translation>{day} 的记录须待当天最后一个班次结束后，自 {time} 起方可签阅。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The records of {day} are already signed.</source>
        <translation>{day} 的记录已审阅。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>There are no records on {day} to sign.</source>
        <translation>{day} 没有可审阅的记录。</translation>
    </message>
    <message>
        <location filename="../../desk_app/storage/sqlite_files.py" line="+24"/>
        <source>{path} is a folder, not a database file.</source>
        <translation>{path} 是文件夹，不是数据库文件。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>{path} is not a DutyDesk database (it is not an SQLite file, or it is damaged).</source>
        <translation>{path} 不是值班台数据库（不是 SQLite 文件，或已损坏）。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>{path} is not a database file.</source>
        <translation>{path} 不是数据库文件。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{path} is empty: it is not a DutyDesk database.</source>
        <translation>{path} 是空文件：不是值班台数据库。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The disk of the database {path} is full: free some space and try again.</source>
        <translation>数据库 {path} 所在的磁盘已满：请腾出空间后再试。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The database {path} is locked by another program: close it (or wait for it) and try again.</source>
        <translation>数据库 {path} 被另一个程序锁定：请关闭该程序（或等它完成）后再试。</translation>
    </message>
    <message>
        <location line="+18"/>
        <location line="+30"/>
        <source>The database {path} cannot be written: the file or its folder is read-only.</source>
        <translation>无法写入数据库 {path}：文件或其所在文件夹是只读的。</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>The database {path} is damaged ({reason}). Nothing was changed in it.</source>
        <translation>数据库 {path} 已损坏（{reason}）。其中没有任何内容被改动。</translation>
    </message>
    <message>
        <location filename="../../desk_app/storage/database.py" line="+131"/>
        <source>DutyDesk keeps its records in an SQLite database file only (--db sqlite:///PATH): {url} is not one.</source>
        <translation>值班台只使用 SQLite 数据库文件保存记录（--db sqlite:///路径）：{url} 不是 SQLite 数据库。</translation>
    </message>
    <message>
        <location line="+139"/>
        <source>{path} has an older schema ({revision}): open it once in DutyDesk, which upgrades it (after a backup), then try again.</source>
        <translation>{path} 的数据库结构较旧（{revision}）：请先用值班台打开一次（程序会先备份再升级），然后再试。</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>{path} belongs to another program (unknown tables: {tables}).</source>
        <translation>{path} 属于其他程序（未知的表：{tables}）。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{path} was written by a newer version of DutyDesk (schema {revision}). Install the newer version to open it.</source>
        <translation>{path} 由更新版本的值班台写入（结构版本 {revision}）。请安装新版本后再打开。</translation>
    </message>
    <message>
        <location line="-95"/>
        <source>The database schema is not up to date.</source>
        <translation>数据库结构不是最新版本。</translation>
    </message>
    <message>
        <location filename="../../desk_app/storage/sqlite_files.py" line="-8"/>
        <source>The database {path} cannot be opened: {reason}</source>
        <translation>无法打开数据库 {path}：{reason}</translation>
    </message>
    <message>
        <location filename="../../desk_app/services/handover/items.py" line="+89"/>
        <source>The item list is not empty: the desk keeps these items and they are counted at every handover. Remove them first if the desk really keeps none.</source>
        <translation>物品清单不是空的：岗位保管这些物品，每次交接班都要清点。如岗位确实不保管物品，请先将其移除。</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>The early arrival is between 0 and 60 minutes.</source>
        <translation>提前到岗时间须在 0 至 60 分钟之间。</translation>
    </message>
    <message>
        <location filename="../../desk_app/services/handover/open_work.py" line="+54"/>
        <source>No handover while {n} incidents are being handled: {incidents}. Record how each was dealt with first.</source>
        <translation>有 {n} 起突发事件正在处理，不能交接班：{incidents}。请先逐一记录处理情况。</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Entry #{id} has no follow-up to close.</source>
        <translation>记录 #{id} 没有需要关闭的跟进事项。</translation>
    </message>
    <message>
        <location filename="../../desk_app/services/handover/draft.py" line="+36"/>
        <source>{name} has already started a handover.</source>
        <translation>{name} 已开始交接班。</translation>
    </message>
    <message>
        <location filename="../../desk_app/services/handover/open_work.py" line="-43"/>
        <source>No handover while an incident is being handled: #{id} {text}. Record how it was dealt with first.</source>
        <translation>突发事件处理中，不能交接班：#{id} {text}。请先记录处理情况。</translation>
    </message>
    <message>
        <location filename="../../desk_app/services/handover/draft.py" line="+8"/>
        <source>No shift is running now.</source>
        <translation>当前没有进行中的班次。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>This shift was already handed over.</source>
        <translation>本班次已完成交接。</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>The outgoing clerk cannot also be the incoming clerk.</source>
        <translation>交班人不能同时是接班人。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>No such open work.</source>
        <translation>没有这项未完成事项。</translation>
    </message>
    <message>
        <location filename="../../desk_app/services/handover/signing.py" line="+74"/>
        <source>The handover cannot be signed yet: {problem}</source>
        <translation>还不能签字交接：{problem}</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Ticket #{id} is still open in the ticket queue: close it there, or hand it over.</source>
        <translation>工单 #{id} 在工单队列中仍未关闭：请在那里关闭，或移交给接班人。</translation>
    </message>
    <message>
        <location line="-39"/>
        <source>The outgoing clerk cannot sign for the incoming clerk.</source>
        <translation>交班人不能代替接班人签字。</translation>
    </message>
    <message>
        <location line="+131"/>
        <source>“{work}” was not released by a supervisor: it cannot be handed over.</source>
        <translation>“{work}”未经主管放行，不能交接。</translation>
    </message>
    <message>
        <location filename="../../desk_app/services/handover/queries.py" line="+31"/>
        <location filename="../../desk_app/services/handover/shared.py" line="+68"/>
        <source>No such handover.</source>
        <translation>没有这次交接班。</translation>
    </message>
    <message>
        <location filename="../../desk_app/services/handover/supervision.py" line="+28"/>
        <source>Only a signed handover can be checked.</source>
        <translation>只能检查已签字的交接班。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This handover is already checked.</source>
        <translation>这次交接班已检查。</translation>
    </message>
    <message>
        <location filename="../../desk_app/services/handover/shared.py" line="+2"/>
        <source>This handover is already signed.</source>
        <translation>这次交接班已签字。</translation>
    </message>
    <message>
        <location filename="../../desk_app/domain/handover.py" line="+43"/>
        <source>The expected quantity is a whole number from 0 to {max}.</source>
        <translation>应有数量为 0 至 {max} 的整数。</translation>
    </message>
    <message>
        <location filename="../../desk_app/services/desk.py" line="-118"/>
        <location filename="../../desk_app/services/handover/items.py" line="+46"/>
        <source>The item list already has {name}.</source>
        <translation>物品清点清单中已有 {name}。</translation>
    </message>
    <message>
        <location filename="../../desk_app/services/handover/items.py" line="+6"/>
        <source>No such item.</source>
        <translation>没有这件物品。</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/handover_tab/wizard.py" line="+192"/>
        <source>The handover could not be saved.</source>
        <translation>交接班无法保存。</translation>
    </message>
    <message>
        <location filename="../../desk_app/domain/tickets.py" line="+171"/>
        <source>A phone number is needed.</source>
        <translation>需要电话号码。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>{phone!r} is not a phone number: give a mobile number of 11 digits, a landline with its area code, or an extension.</source>
        <translation>{phone!r} 不是电话号码：请填写 11 位手机号、带区号的固定电话或分机号。</translation>
    </message>
    <message>
        <location filename="../../desk_app/services/tickets/rules.py" line="+78"/>
        <source>A price must be between 0 and 10000 yuan.</source>
        <translation>价格须在 0 至 10000 元之间。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{name} is already on the price list.</source>
        <translation>{name} 已在价目表中。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Price item #{id} does not exist.</source>
        <translation>价目 #{id} 不存在。</translation>
    </message>
    <message>
        <location filename="../../desk_app/services/tickets/registration.py" line="+68"/>
        <source>A complaint solved on the spot must be judged valid or invalid.</source>
        <translation>当场解决的投诉须判定为有效或无效。</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Only a help request, a repair, a complaint or a service can be a major incident.</source>
        <translation>只有求助、报修、投诉或便民服务可以标记为重大事件。</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>The visit time has no time zone.</source>
        <translation>上门时间没有时区。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Choose the service from the price list.</source>
        <translation>请从价目表中选择服务项目。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>That service is not on the desk&apos;s price list.</source>
        <translation>该服务不在本前台的价目表中。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Agree a time for the service with the resident.</source>
        <translation>请与住户约定服务时间。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>List the items to be released.</source>
        <translation>请列出放行的物品。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>At most {n} items fit on one release slip.</source>
        <translation>一张放行条最多填写 {n} 件物品。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Check the resident&apos;s identity before releasing items.</source>
        <translation>放行物品前须核实住户身份。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>A visitor who is not an owner enters only with the owner&apos;s consent.</source>
        <translation>非业主访客须经业主同意方可进入。</translation>
    </message>
    <message>
        <location filename="../../desk_app/services/tickets/context.py" line="+140"/>
        <source>The time {time} is in the past.</source>
        <translation>时间 {time} 已经过去。</translation>
    </message>
    <message>
        <location filename="../../desk_app/services/tickets/workflow.py" line="+43"/>
        <source>Say whether the complaint is valid or invalid.</source>
        <translation>请判定投诉有效还是无效。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The complaint is already resolved; reopen it to judge it again.</source>
        <translation>投诉已解决；如需重新判定，请先重新打开。</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>This complaint is resolved and waits for its follow-up visit.</source>
        <translation>此投诉已解决，等待回访。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Judge the complaint valid or invalid before recording it as resolved.</source>
        <translation>记为已解决之前，请先判定投诉有效或无效。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Agree with the resident when the next reply will be.</source>
        <translation>请与住户约定下次答复时间。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The next reply must be later than now.</source>
        <translation>下次答复时间必须晚于现在。</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>The work is done; it waits for its follow-up visit.</source>
        <translation>工作已完成，等待回访。</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>The work is already recorded as done.</source>
        <translation>该工作已记为完成。</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>The follow-up visit comes after the work is done or the complaint resolved.</source>
        <translation>回访须在工作完成或投诉解决之后进行。</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>A complaint cannot be closed before its follow-up visit is recorded (an invalid complaint is closed by its reply).</source>
        <translation>投诉须记录回访后才能结案（无效投诉在答复后即结案）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A major incident is closed only after its written report.</source>
        <translation>重大事件须提交书面报告后才能结案。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Ticket #{id} is not closed.</source>
        <translation>工单 #{id} 未关闭。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Only a major incident has a written report.</source>
        <translation>只有重大事件需要书面报告。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The report of this incident is already written.</source>
        <translation>此事件的报告已提交。</translation>
    </message>
    <message>
        <location filename="../../desk_app/services/tickets/escalation.py" line="+59"/>
        <source>Ticket #{id} is already with the manager.</source>
        <translation>工单 #{id} 已上报至管理处主任。</translation>
    </message>
    <message>
        <location filename="../../desk_app/domain/roster.py" line="+58"/>
        <location filename="../../desk_app/services/tickets/reports.py" line="+26"/>
        <source>No such month.</source>
        <translation>没有这个月份。</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>A shift needs a headcount for each weekday.</source>
        <translation>每个班次须为一周每天设定人数。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A headcount is a whole number from 0 to 50.</source>
        <translation>人数须为 0 到 50 之间的整数。</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>The most shifts of one kind a month is a number from 0 to 31.</source>
        <translation>每月同一班次的最多次数须为 0 到 31 之间的数。</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../desk_app/services/desk.py" line="+101"/>
        <location filename="../../desk_app/services/roster_inputs.py" line="+138"/>
        <location line="+95"/>
        <source>Unknown shift.</source>
        <translation>未知的班次。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The minimum minutes a month are more than the maximum.</source>
        <translation>每月最少工时多于最多工时。</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>The roster period is empty.</source>
        <translation>排班期间为空。</translation>
    </message>
    <message>
        <location filename="../../desk_app/services/staff_requests.py" line="+76"/>
        <location filename="../../desk_app/services/tickets/reports.py" line="+56"/>
        <source>The end date is before the start date.</source>
        <translation>结束日期早于开始日期。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Leave is asked for at most {n} days at a time.</source>
        <translation>每次请假最多 {n} 天。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Leave is asked at least {n} day(s) before; ask your supervisor in person.</source>
        <translation>请假须至少提前 {n} 天申请；请当面向主管申请。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>A swap is with another person.</source>
        <translation>调班须与他人调换。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only shifts still to come can be swapped.</source>
        <translation>只能调换尚未到来的班次。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>A swap exchanges two shifts of the published roster.</source>
        <translation>调班须调换已发布排班表中的两个班次。</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>A cover is by another person.</source>
        <translation>顶班须由他人顶替。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The cover times have no time zone.</source>
        <translation>顶班时间缺少时区。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A cover ends after it starts.</source>
        <translation>顶班的结束时间须晚于开始时间。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A cover lasts at most {n} minutes; ask for leave instead.</source>
        <translation>顶班最长 {n} 分钟；更长请申请请假。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A cover is asked before it starts.</source>
        <translation>顶班须在开始前申请。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>You have no shift on that day to be covered.</source>
        <translation>您当天没有需要顶替的班次。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A cover lies within your shift.</source>
        <translation>顶班时间须在您的班次之内。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Only the person who asked can withdraw it.</source>
        <translation>只有申请人本人可以撤回。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Nobody approves their own request.</source>
        <translation>不能审批自己的申请。</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>The roster changed since the swap was asked; ask again.</source>
        <translation>申请调班后排班表已有变动，请重新申请。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>After the swap someone would work two shifts on one day.</source>
        <translation>调换后会有人一天上两个班。</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+30"/>
        <source>No such request.</source>
        <translation>没有这个申请。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This request has already been decided.</source>
        <translation>此申请已审批。</translation>
    </message>
    <message>
        <location filename="../../desk_app/services/tickets/context.py" line="-93"/>
        <source>Ticket #{id} does not exist.</source>
        <translation>工单 #{id} 不存在。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>This cannot be done with a ticket of the kind {kind}.</source>
        <translation>类型为 {kind} 的工单不能进行此操作。</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+21"/>
        <source>Ticket #{id} is closed; reopen it first.</source>
        <translation>工单 #{id} 已关闭；请先重新打开。</translation>
    </message>
    <message>
        <location filename="../../desk_app/domain/text_rules.py" line="+26"/>
        <source>{field} must be a whole number from {low} to {high}.</source>
        <translation>{field}须为 {low} 至 {high} 的整数。</translation>
    </message>
    <message>
        <location filename="../../desk_app/printing/ticket_forms/registers.py" line="+243"/>
        <source>There is no printed register for {kind}.</source>
        <translation>{kind}没有打印登记表。</translation>
    </message>
    <message>
        <location filename="../../desk_app/printing/ticket_forms/release_slip.py" line="+45"/>
        <source>Ticket #{id} is not an item release; it has no release slip.</source>
        <translation>工单 #{id} 不是物品放行，没有放行条。</translation>
    </message>
    <message>
        <location filename="../../desk_app/printing/ticket_forms/incident_report.py" line="+62"/>
        <source>Ticket #{id} is not a major incident; it has no incident report.</source>
        <translation>工单 #{id} 不是重大事件，没有事件报告。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The incident report of ticket #{id} has not been written yet.</source>
        <translation>工单 #{id} 的事件报告尚未填写。</translation>
    </message>
    <message>
        <location filename="../../desk_app/services/demo_tickets.py" line="+7"/>
        <source>This database already has tickets; demo tickets are only made in an empty queue.</source>
        <translation>此数据库已有工单；演示工单只能在空的工单队列中生成。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Demo tickets need clerks and a supervisor.</source>
        <translation>生成演示工单需要值班员和主管账号。</translation>
    </message>
    <message>
        <location filename="../../desk_app/services/roster.py" line="+328"/>
        <location filename="../../desk_app/services/roster_export.py" line="+92"/>
        <location filename="../../desk_app/services/roster_inputs.py" line="-90"/>
        <source>No such person.</source>
        <translation>没有这个人员。</translation>
    </message>
    <message>
        <location line="-218"/>
        <source>This month is published: change it cell by cell, with a reason.</source>
        <translation>本月排班已发布：请逐格修改并说明原因。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The generated roster does not fit this month.</source>
        <translation>生成的排班与本月不符。</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>{count} shifts of this month are short of people: they must be confirmed before the month is published.</source>
        <translation>本月有 {count} 个班次人手不足：须先确认这些缺岗，才能发布本月排班。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>This month is already published.</source>
        <translation>本月排班已经发布。</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>No such roster version.</source>
        <translation>没有这个排班版本。</translation>
    </message>
    <message>
        <location filename="../../desk_app/services/roster_inputs.py" line="+62"/>
        <source>A wish is to work or to be off.</source>
        <translation>意愿只能是上班或休息。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A wish weighs from 1 to 10.</source>
        <translation>意愿的权重为 1 到 10。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A wish is for a day still to come.</source>
        <translation>意愿只能针对今后的日期。</translation>
    </message>
    <message>
        <location filename="../../desk_app/storage/sqlite_files.py" line="-53"/>
        <source>There is no database at {path}.</source>
        <translation>{path} 处没有数据库。</translation>
    </message>
    <message>
        <source>{path} is the database itself: a backup cannot be written over it.</source>
        <translation type="vanished">{path} 就是数据库本身：备份不能覆盖它。</translation>
    </message>
    <message>
        <location filename="../../desk_app/services/backup.py" line="+72"/>
        <source>The backup folder {path} cannot be written: {reason}</source>
        <translation>无法写入备份文件夹 {path}：{reason}</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>The backup could not be written to {path}: {reason}</source>
        <translation>备份无法写入 {path}：{reason}</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>There is no backup at {path}.</source>
        <translation>{path} 处没有备份。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{path} is empty: it is not a backup.</source>
        <translation>{path} 是空文件，不是备份。</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+15"/>
        <source>{path} is not a usable backup: {reason}</source>
        <translation>{path} 不是可用的备份：{reason}</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>{path} is damaged (integrity check: {reason}).</source>
        <translation>{path} 已损坏（完整性检查：{reason}）。</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>{path} is not a set-up desk (it has no desk or no accounts).</source>
        <translation>{path} 不是已设置好的值班台（没有前台信息或没有账号）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{path} fails the log&apos;s hash chain: {reason}</source>
        <translation>{path} 未通过值班记录的哈希链校验：{reason}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{path}: handover #{id} does not match its digest.</source>
        <translation>{path}：交接班 #{id} 与其摘要不符。</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>The database {path} has newer records than the backup ({current} against {restored}): restoring would drop them. Restore with --force to do it anyway (the database is kept aside).</source>
        <translation>数据库 {path} 中的记录比备份更新（{current} 对 {restored}）：恢复会丢失这些记录。如仍要恢复，请加 --force（当前数据库会另行保留）。</translation>
    </message>
    <message>
        <location filename="../../desk_app/mailer.py" line="+32"/>
        <source>The mail server is not set up yet.</source>
        <translation>尚未设置邮件服务器。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Give at least one mail address.</source>
        <translation>请至少填写一个邮箱地址。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The mail password is not stored yet.</source>
        <translation>尚未保存邮箱密码。</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>The mail could not be sent: {reason}</source>
        <translation>邮件发送失败：{reason}</translation>
    </message>
    <message>
        <location filename="../../desk_app/secrets.py" line="+27"/>
        <source>A password needs the account it belongs to.</source>
        <translation>保存密码需要对应的账号。</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+9"/>
        <source>The system&apos;s password store refused: {reason}</source>
        <translation>系统密码库拒绝了操作：{reason}</translation>
    </message>
    <message>
        <location filename="../../desk_app/atomic_files.py" line="+99"/>
        <source>{path} is a folder: give the name of a file to write.</source>
        <translation>{path} 是文件夹：请给出要写入的文件名。</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+29"/>
        <source>{path} is not an ordinary file: DutyDesk will not write over it.</source>
        <translation>{path} 不是普通文件：值班台不会覆盖它。</translation>
    </message>
    <message>
        <location line="-22"/>
        <source>{path} is a database or one of its journal files: it cannot be written over.</source>
        <translation>{path} 是数据库或其日志文件：不能覆盖。</translation>
    </message>
    <message>
        <location filename="../../desk_app/services/page_seal/fingerprint.py" line="+39"/>
        <source>“{text}” is not a page fingerprint: type it as printed at the foot of the page, e.g. L:101-118,120 9F3A-C21B-77D0-E4B1, or scan the page&apos;s QR code.</source>
        <translation>“{text}”不是纸页核对码：请照纸页底部印的核对码输入，例如 L:101-118,120 9F3A-C21B-77D0-E4B1，或扫描纸页上的二维码。</translation>
    </message>
    <message>
        <location filename="../../desk_app/services/page_seal/check.py" line="+214"/>
        <source>Does NOT match: there are no such records ({name}) in the database.</source>
        <translation>不一致：数据库中没有这些记录（{name}）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Does NOT match: there is no {record} in the database (the page names it).</source>
        <translation>不一致：数据库中没有{record}（纸页上列有该记录）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Does NOT match: the database never held these records ({name}) as this page shows them: a forged page, records changed before the journal saw them, or a mistyped fingerprint.</source>
        <translation>不一致：数据库从未以这张纸页所示的内容保存过这些记录（{name}）：可能是伪造的纸页、在日志记录之前被改动的记录，或核对码输错。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The page itself shows the records {name} as the program held them at {at}.</source>
        <translation>纸页本身与程序在 {at} 保存的记录 {name} 一致。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Does NOT match: {record} was added behind the program&apos;s back (no journal event records it).</source>
        <translation>不一致：{record}是绕过程序添加的（日志中没有它的记录）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Does NOT match: {record} was removed behind the program&apos;s back (journal event #{seq}).</source>
        <translation>不一致：{record}被绕过程序删除（日志事件 #{seq}）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Does NOT match: {record} was deleted by the program (journal event #{seq}) but is back.</source>
        <translation>不一致：{record}已由程序删除（日志事件 #{seq}），却又出现了。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Does NOT match: {record} was changed behind the program&apos;s back (it differs from journal event #{seq}).</source>
        <translation>不一致：{record}被绕过程序改动（与日志事件 #{seq} 不符）。</translation>
    </message>
    <message>
        <location line="-37"/>
        <source>Matches: the database still holds exactly the {count} records this page printed ({name}).</source>
        <translation>一致：数据库中仍完整保存着这张纸页所印的 {count} 条记录（{name}），内容未变。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The page shows these records ({name}) as they were at {at}; changed since by the program: {record} (journal event #{seq}) and {more} more changes.</source>
        <translation>纸页所示为这些记录（{name}）在 {at} 时的内容；此后经程序更改：{record}（日志事件 #{seq}）及另外 {more} 处更改。</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>The page shows these records ({name}) as they were at {at}; changed since by the program: {record} (journal event #{seq}).</source>
        <translation>纸页所示为这些记录（{name}）在 {at} 时的内容；此后经程序更改：{record}（日志事件 #{seq}）。</translation>
    </message>
    <message>
        <location filename="../../desk_app/services/tickets/residents.py" line="+78"/>
        <source>The resident&apos;s name “{name}” also holds an address or a phone number; put the name, the address and the phone number each in its own field.</source>
        <translation>住户姓名“{name}”中还包含地址或电话号码；请将姓名、地址和电话分别填入各自的栏目。</translation>
    </message>
    <message>
        <location filename="../../desk_app/services/holidays.py" line="+142"/>
        <source>{day} is not in {year}; choose a day of the year being edited.</source>
        <translation>{day} 不在 {year} 年内，请选择正在编辑的这一年中的日期。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Unknown kind of day: {kind}.</source>
        <translation>未知的日期类型：{kind}。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{day} is a weekday; a make-up working day is a Saturday or Sunday.</source>
        <translation>{day} 是工作日；调休上班日应是周六或周日。</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>The desk has no entry of its own for {day}.</source>
        <translation>本台没有录入过 {day}。</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Nobody at the desk has confirmed {year}.</source>
        <translation>本台尚未确认 {year} 年的节假日安排。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>A holiday year is from {first} to {last}.</source>
        <translation>节假日年份应在 {first} 至 {last} 年之间。</translation>
    </message>
    <message>
        <location filename="../../desk_app/domain/errors.py" line="+23"/>
        <source>; </source>
        <translation>；</translation>
    </message>
</context>
<context>
    <name>DocumentRunner</name>
    <message>
        <location filename="../../desk_app/ui/documents.py" line="+55"/>
        <source>Preparing the document…</source>
        <translation>正在生成文档…</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Sent</source>
        <translation>已发送</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{name} was sent by mail.</source>
        <translation>{name} 已通过邮件发送。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The document could not be made</source>
        <translation>文档生成失败</translation>
    </message>
</context>
<context>
    <name>DraftKeeper</name>
    <message>
        <location filename="../../desk_app/ui/drafts.py" line="+125"/>
        <source>Put back what you typed at {time} and did not save.</source>
        <translation>已恢复您在 {time} 输入但未保存的内容。</translation>
    </message>
</context>
<context>
    <name>EntryBar</name>
    <message>
        <location filename="../../desk_app/ui/log_tab/entry_bar.py" line="+74"/>
        <source>Type the number of a category, or Alt+1 … Alt+9</source>
        <translation>输入类别编号，或按 Alt+1 … Alt+9</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Situation: what happened, where, who (Ctrl+N)</source>
        <translation>情况：发生了什么、在哪里、涉及谁（Ctrl+N）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Handling and result</source>
        <translation>处理及结果</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>When it happened; set an earlier time only with a reason</source>
        <translation>发生时间；改为更早的时间须说明原因</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Reason for the earlier time</source>
        <translation>补记原因</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Needs follow-up</source>
        <translation>需跟进</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save (Enter)</source>
        <translation>保存（Enter）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>Put back what you typed at {time} and did not save. Esc clears it.</source>
        <translation>已恢复您在 {time} 输入但未保存的内容。按 Esc 清空。</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Saved as #{id} at {time}.</source>
        <translation>已于 {time} 保存为 #{id}。</translation>
    </message>
</context>
<context>
    <name>EscalationWatch</name>
    <message>
        <location filename="../../desk_app/ui/escalation_watch.py" line="+114"/>
        <source>Escalated to you: ticket #{id}</source>
        <translation>上报给您的工单：#{id}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Unlock DutyDesk to read it.</source>
        <translation>请解锁值班台后查看。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>and {n} more</source>
        <translation>另有 {n} 条</translation>
    </message>
</context>
<context>
    <name>Field</name>
    <message>
        <location filename="../../desk_app/domain/text_rules.py" line="-18"/>
        <source>Situation</source>
        <translation>情况</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Handling and result</source>
        <translation>处理及结果</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remark</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Item name</source>
        <translation>物品名称</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Desk name</source>
        <translation>前台名称</translation>
    </message>
    <message>
        <location line="-4"/>
        <location filename="../../desk_app/services/tickets/registration.py" line="-142"/>
        <source>Description</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../desk_app/services/tickets/residents.py" line="-56"/>
        <source>Resident</source>
        <translation>住户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Building</source>
        <translation>楼栋</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Unit and room</source>
        <translation>单元房号</translation>
    </message>
    <message>
        <location filename="../../desk_app/services/tickets/workflow.py" line="-241"/>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../desk_app/services/tickets/registration.py" line="+1"/>
        <source>Person dispatched</source>
        <translation>派工人员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Item</source>
        <translation>物品</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Visitor</source>
        <translation>访客</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recipient</source>
        <translation>收件人</translation>
    </message>
    <message>
        <location filename="../../desk_app/services/tickets/workflow.py" line="+1"/>
        <source>Incident report</source>
        <translation>事件报告</translation>
    </message>
    <message>
        <location filename="../../desk_app/services/tickets/registration.py" line="+2"/>
        <source>Identity shown</source>
        <translation>出示的身份证明</translation>
    </message>
    <message>
        <location filename="../../desk_app/domain/text_rules.py" line="-2"/>
        <location filename="../../desk_app/services/tickets/rules.py" line="-70"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../desk_app/services/tickets/rules.py" line="+22"/>
        <source>Reply within (minutes)</source>
        <translation>答复时限（分钟）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Follow-up within (working days)</source>
        <translation>回访时限（工作日）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Escalate before (minutes)</source>
        <translation>提前上报（分钟）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Manager after (minutes)</source>
        <translation>超时后报主任（分钟）</translation>
    </message>
    <message>
        <location filename="../../desk_app/services/tickets/registration.py" line="+113"/>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Number of visitors</source>
        <translation>访客人数</translation>
    </message>
    <message>
        <location filename="../../desk_app/domain/roster.py" line="-69"/>
        <source>Minimum minutes a month</source>
        <translation>每月最少工时（分钟）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Maximum minutes a month</source>
        <translation>每月最多工时（分钟）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Most working days in a row</source>
        <translation>最多连续上班天数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fewest working days in a row</source>
        <translation>最少连续上班天数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fewest days off in a row</source>
        <translation>最少连续休息天数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Most weekends worked</source>
        <translation>最多上班周末数</translation>
    </message>
    <message>
        <location filename="../../desk_app/services/roster_inputs.py" line="-157"/>
        <source>Rest between shifts (minutes)</source>
        <translation>两班之间休息（分钟）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Days of notice for leave</source>
        <translation>请假提前天数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Longest cover (minutes)</source>
        <translation>顶班最长时间（分钟）</translation>
    </message>
    <message>
        <location filename="../../desk_app/services/desk.py" line="-156"/>
        <source>Shift name</source>
        <translation>班次名称</translation>
    </message>
    <message>
        <location filename="../../desk_app/services/holidays.py" line="-182"/>
        <source>Holiday name</source>
        <translation>节日名称</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Notice</source>
        <translation>通知文号</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <location filename="../../desk_app/ui/log_tab/filter_bar.py" line="+31"/>
        <source>Dates</source>
        <translation>日期</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>All categories</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>All clerks</source>
        <translation>全部值班员</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Search text, e.g. 漏水 (Ctrl+F)</source>
        <translation>搜索文字，例如 漏水（Ctrl+F）</translation>
    </message>
</context>
<context>
    <name>Handover</name>
    <message>
        <location filename="../../desk_app/domain/handover.py" line="+134"/>
        <source>A fault is being dealt with ({fault}): the handover waits until the outgoing clerk records how it was handled.</source>
        <translation>故障处理中（{fault}）：交接班暂停，直到交班人记录处理情况。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The incoming clerk must confirm having read the records.</source>
        <translation>接班人须确认已阅读记录。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The desk has no item list, so nothing can be counted. A supervisor adds the items kept at the desk (Item list… in the handover tab), or records there that this desk keeps none.</source>
        <translation>本岗位没有物品清点清单，无法清点。请主管添加岗位保管的物品（“交接班”页的“物品清点清单…”），或在那里记录本岗位不保管物品。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{item}: not counted.</source>
        <translation>{item}：未清点。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{item}: a count cannot be negative.</source>
        <translation>{item}：数量不能为负数。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>{item}: {counted} counted, {expected} expected or damaged — the outgoing clerk must explain.</source>
        <translation>{item}：实点 {counted}，应有 {expected}，或有损坏——须由交班人说明。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{work}: record it closed or hand it over.</source>
        <translation>{work}：请记为已关闭或移交。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{work}: handing over needs a note.</source>
        <translation>{work}：移交须填写说明。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>{work} is important and unfinished: it must be done first, or a supervisor must allow the handover with a reason.</source>
        <translation>{work} 是重要的未完成事项：须先完成，或由客服主管说明理由后放行。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>An anomaly has no description.</source>
        <translation>有一项异常没有描述。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{anomaly}: the outgoing clerk must explain.</source>
        <translation>{anomaly}：须由交班人说明。</translation>
    </message>
</context>
<context>
    <name>HandoverDetailDialog</name>
    <message>
        <location filename="../../desk_app/ui/handover_tab/detail_dialog.py" line="+37"/>
        <source>Handover {date} {shift}</source>
        <translation>交接班 {date} {shift}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>signed</source>
        <translation>已签字</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not signed yet</source>
        <translation>尚未签字</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Shift</source>
        <translation>班次</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Outgoing → incoming</source>
        <translation>交班人 → 接班人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Incoming clerk</source>
        <translation>接班人</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>expected by {expected} ({n} minutes early), arrived {arrived}</source>
        <translation>应于 {expected} 前到岗（提前 {n} 分钟），实际 {arrived} 到岗</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Signed</source>
        <translation>签字时间</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Late</source>
        <translation>迟到</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{n} min</source>
        <translation>{n} 分钟</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Item</source>
        <translation>物品</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expected</source>
        <translation>应有数量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Counted</source>
        <translation>实点数量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Difference</source>
        <translation>差异</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Condition</source>
        <translation>状况</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Explanation</source>
        <translation>说明</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Damaged</source>
        <translation>损坏</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Good</source>
        <translation>完好</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>To do</source>
        <translation>待处理</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Handed over</source>
        <translation>已移交</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Work</source>
        <translation>事项</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Done?</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Supervisor</source>
        <translation>客服主管</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Allowed by {name}: {reason}</source>
        <translation>{name} 放行：{reason}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Anomaly or fault</source>
        <translation>异常或故障</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Explanation or handling</source>
        <translation>说明或处理情况</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Fault: {text}</source>
        <translation>故障：{text}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Items ({n})</source>
        <translation>物品（{n}）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open work ({n})</source>
        <translation>未完成事项（{n}）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Area ({n})</source>
        <translation>区域（{n}）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Optional remark</source>
        <translation>备注（可选）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Your password</source>
        <translation>您的密码</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sign as checked</source>
        <translation>签字确认已检查</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Supervisor&apos;s check</source>
        <translation>主管检查</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Checked by {name} at {time}.</source>
        <translation>{name} 于 {time} 已检查。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Not checked yet.</source>
        <translation>尚未检查。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Can be checked once both clerks have signed.</source>
        <translation>交接双方签字后才能检查。</translation>
    </message>
</context>
<context>
    <name>HandoverTab</name>
    <message>
        <location filename="../../desk_app/ui/handover_tab/tab.py" line="+77"/>
        <location line="+121"/>
        <source>Start handover…</source>
        <translation>开始交接班…</translation>
    </message>
    <message>
        <location line="-119"/>
        <source>Item list…</source>
        <translation>物品清点清单…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Close follow-up…</source>
        <translation>关闭跟进事项…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shift</source>
        <translation>班次</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outgoing</source>
        <translation>交班人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Incoming</source>
        <translation>接班人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signed</source>
        <translation>签字时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Late</source>
        <translation>迟到</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Items / differences</source>
        <translation>物品 / 差异</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Checked by</source>
        <translation>检查人</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Details…</source>
        <translation>详情…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check…</source>
        <translation>检查…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save as PDF…</source>
        <translation>另存为 PDF…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Open follow-ups and incidents</source>
        <translation>待跟进事项和突发事件</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Handovers</source>
        <translation>交接班记录</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>Handover of {shift} {date} started at {time} by {name}; not signed yet.</source>
        <translation>{date} {shift}的交接班由 {name} 于 {time} 开始，尚未签字。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Resume handover…</source>
        <translation>继续交接班…</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>No shift is running now.</source>
        <translation>当前没有进行中的班次。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{shift} {date} was handed over to {name} at {time}; {name} is on duty.</source>
        <translation>{date} {shift} 已于 {time} 交给 {name}，现由 {name} 值班。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{shift} {span}, {date}: no handover started.</source>
        <translation>{date} {shift} {span}：尚未开始交接班。</translation>
    </message>
    <message>
        <location line="-24"/>
        <source>{shift} ended at {time}; the handover is overdue by {n} minutes. The outgoing clerk stays on duty until the incoming clerk signs.</source>
        <translation>{shift}已于 {time} 结束，交接班已超时 {n} 分钟。接班人签字前，交班人须继续值班。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The roster expects {names}.</source>
        <translation>按排班应由 {names} 接班。</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>{shift} ends at {time}, in {n} minutes: tidy the desk and start the handover.</source>
        <translation>{shift}将于 {time} 结束（还有 {n} 分钟）：请整理前台，开始交接班。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Incident in progress: {entry}</source>
        <translation>突发事件处理中：{entry}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Nothing is waiting to be followed up.</source>
        <translation>没有待跟进的事项。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>signed</source>
        <translation>已签字</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>open</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{n} min</source>
        <translation>{n} 分钟</translation>
    </message>
    <message>
        <location line="+99"/>
        <source>Handed over to {name} at {time}. The outgoing clerk may leave the desk.</source>
        <translation>已于 {time} 交给 {name}。交班人可以离岗。</translation>
    </message>
    <message>
        <source>Preparing the pages…</source>
        <translation type="vanished">正在准备页面…</translation>
    </message>
    <message>
        <source>Printing failed</source>
        <translation type="vanished">打印失败</translation>
    </message>
</context>
<context>
    <name>HandoverWizard</name>
    <message>
        <location filename="../../desk_app/ui/handover_tab/wizard.py" line="-138"/>
        <source>Handover — {shift} {date}</source>
        <translation>交接班 — {date} {shift}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Sign and finish</source>
        <translation>签字并完成</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
</context>
<context>
    <name>HolidayNotice</name>
    <message>
        <location filename="../../desk_app/ui/holidays_dialog.py" line="+340"/>
        <source>Holidays of {years} not confirmed</source>
        <translation>{years} 年节假日安排未确认</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Enter the days from the State Council&apos;s notice and confirm the year (Admin → Holiday schedule…).</source>
        <translation>请按国务院办公厅的放假通知录入并确认（管理 → 节假日安排…）。</translation>
    </message>
</context>
<context>
    <name>HolidayWarning</name>
    <message>
        <location line="-292"/>
        <source>{time} (holidays not confirmed)</source>
        <translation>{time}（节假日未确认）</translation>
    </message>
    <message>
        <location line="+264"/>
        <source>The holidays of {years} are not confirmed: holidays and make-up working days may be missing or wrong. A supervisor enters them from the State Council&apos;s notice (Admin → Holiday schedule…).</source>
        <translation>{years} 年的节假日安排尚未确认：放假日和调休上班日可能缺漏或有误。请主管按国务院办公厅的放假通知录入并确认（管理 → 节假日安排…）。</translation>
    </message>
</context>
<context>
    <name>HolidaysDialog</name>
    <message>
        <location line="-251"/>
        <source>Holiday schedule</source>
        <translation>节假日安排</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;Year</source>
        <translation>年份(&amp;Y)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Weekday</source>
        <translation>星期</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>e.g. 元旦, 春节, 国庆节</source>
        <translation>如：元旦、春节、国庆节</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Save this day</source>
        <translation>保存这一天(&amp;S)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Remove the desk&apos;s entry</source>
        <translation>删除本台录入(&amp;R)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A day of the notice</source>
        <translation>通知中的一天</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Date</source>
        <translation>日期(&amp;D)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Kind</source>
        <translation>类型(&amp;K)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Name</source>
        <translation>名称(&amp;N)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>e.g. 国办发明电〔2026〕7号</source>
        <translation>如：国办发明电〔2026〕7号</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Confirm the year</source>
        <translation>确认本年安排(&amp;C)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Undo the confirmation</source>
        <translation>撤销确认(&amp;U)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The year&apos;s days are a guess again until it is confirmed.</source>
        <translation>撤销后，本年的节假日重新视为推算，直到再次确认。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Checked against the State Council&apos;s notice</source>
        <translation>按国务院办公厅放假通知核对</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>N&amp;otice</source>
        <translation>通知文号(&amp;O)</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Only a supervisor or manager changes the holiday schedule.</source>
        <translation>只有主管或经理可以修改节假日安排。</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Holiday library</source>
        <translation>节假日库</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Entered at the desk</source>
        <translation>本台录入</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Entered at the desk (library: {kind} {name})</source>
        <translation>本台录入（节假日库：{kind} {name}）</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Confirmed by {name} on {at} from the notice {notice}.</source>
        <translation>{name} 于 {at} 按通知 {notice} 确认。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Not confirmed at this desk yet.</source>
        <translation>本台尚未确认。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{year}: confirmed at this desk.</source>
        <translation>{year} 年：本台已确认。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{year}: the holiday library carries the State Council&apos;s notice.</source>
        <translation>{year} 年：节假日库已收录国务院办公厅的放假通知。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{year}: not confirmed. The holiday library does not carry this year&apos;s notice: its days are reckoned from the rules, without bridging days or make-up working days. Enter the days from the notice and confirm the year.</source>
        <translation>{year} 年：尚未确认。节假日库未收录本年的放假通知，所列日期按规则推算，不含调休放假和调休上班日。请按通知录入并确认本年安排。</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>{day} saved.</source>
        <translation>已保存 {day}。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The desk&apos;s entry for {day} is removed.</source>
        <translation>已删除本台对 {day} 的录入。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{year} is confirmed.</source>
        <translation>{year} 年已确认。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The confirmation of {year} is taken back.</source>
        <translation>已撤销 {year} 年的确认。</translation>
    </message>
</context>
<context>
    <name>IncidentsDialog</name>
    <message>
        <location filename="../../desk_app/ui/handover_tab/incidents_dialog.py" line="+39"/>
        <source>Incidents being handled</source>
        <translation>处理中的突发事件</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Entry</source>
        <translation>记录</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Occurred</source>
        <translation>发生时间</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Clerk</source>
        <translation>值班员</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Situation</source>
        <translation>情况</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Record how it was dealt with…</source>
        <translation>记录处理情况…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Start handover…</source>
        <translation>开始交接班…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Back to sign-off</source>
        <translation>返回签字确认</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>The handover cannot be signed while {n} incident(s) are being handled. Open each one (double-click) and record how it was dealt with.</source>
        <translation>还有 {n} 起突发事件正在处理，交接班无法签字。请逐一打开（双击）并记录处理情况。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The handover cannot start while {n} incident(s) are being handled. Open each one (double-click) and record how it was dealt with.</source>
        <translation>还有 {n} 起突发事件正在处理，交接班无法开始。请逐一打开（双击）并记录处理情况。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Every incident is recorded as dealt with: the handover can be signed.</source>
        <translation>突发事件均已记录处理情况，可以签字交接。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Every incident is recorded as dealt with: the handover can start.</source>
        <translation>突发事件均已记录处理情况，可以开始交接班。</translation>
    </message>
</context>
<context>
    <name>ItemTable</name>
    <message>
        <location filename="../../desk_app/ui/setup_items.py" line="+36"/>
        <source>Item</source>
        <translation>物品</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expected</source>
        <translation>应有数量</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>item</source>
        <translation>物品</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>unit</source>
        <translation>单位</translation>
    </message>
</context>
<context>
    <name>ItemsDialog</name>
    <message>
        <location filename="../../desk_app/ui/handover_tab/items_dialog.py" line="+40"/>
        <source>Item list for the handover</source>
        <translation>交接班物品清点清单</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+37"/>
        <location line="+11"/>
        <source>Item</source>
        <translation>物品</translation>
    </message>
    <message>
        <location line="-48"/>
        <location line="+38"/>
        <location line="+11"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location line="-49"/>
        <location line="+50"/>
        <source>Expected quantity</source>
        <translation>应有数量</translation>
    </message>
    <message>
        <location line="-47"/>
        <source>e.g. walkie-talkie</source>
        <translation>例如：对讲机</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>e.g. pcs</source>
        <translation>例如：台</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change selected</source>
        <translation>修改所选</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove selected</source>
        <translation>删除所选</translation>
    </message>
    <message>
        <location line="+5"/>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>How many minutes before the end of a shift the incoming clerk must arrive (5 or 15 are usual).</source>
        <translation>接班人须在班次结束前多少分钟到岗（通常为 5 或 15 分钟）。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Record that this desk keeps no items</source>
        <translation>记录本岗位不保管物品</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>An empty list</source>
        <translation>清单为空</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change</source>
        <translation>变更</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Expected</source>
        <translation>应有数量</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Early arrival of the incoming clerk</source>
        <translation>接班人提前到岗</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Changes to the list</source>
        <translation>清单变更记录</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>added</source>
        <translation>添加</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>changed</source>
        <translation>修改</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>removed</source>
        <translation>删除</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>{name} recorded at {time} that this desk keeps no items: handovers count nothing.</source>
        <translation>{name}已于 {time} 记录：本岗位不保管需清点的物品，交接班时无需清点。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The list is empty: no handover can be signed until items are added here, or a supervisor records that this desk keeps none.</source>
        <translation>清单为空：在此添加物品，或由主管记录本岗位不保管物品之前，交接班不能签名。</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>{name} added.</source>
        <translation>已添加 {name}。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{name} changed.</source>
        <translation>已修改 {name}。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{name} removed from the list.</source>
        <translation>已从清单中删除 {name}。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Recorded: this desk keeps no items to count.</source>
        <translation>已记录：本岗位不保管需清点的物品。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The incoming clerk now arrives {n} minutes early.</source>
        <translation>接班人现须提前 {n} 分钟到岗。</translation>
    </message>
</context>
<context>
    <name>LockPage</name>
    <message>
        <location filename="../../desk_app/ui/idle_lock.py" line="+89"/>
        <location line="+5"/>
        <source>DutyDesk is locked</source>
        <translation>值班台已锁定</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No one used the desk computer for {n} minutes, so the records are hidden. {name}, type your password to continue.</source>
        <translation>前台电脑已 {n} 分钟无人操作，记录已隐藏。{name}，请输入密码继续。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sign in as someone else</source>
        <translation>换人登录</translation>
    </message>
</context>
<context>
    <name>LogCategory</name>
    <message>
        <location filename="../../desk_app/domain/categories.py" line="-34"/>
        <source>Consultation</source>
        <translation>咨询</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Help request</source>
        <translation>求助</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Repair</source>
        <translation>报修</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Complaint</source>
        <translation>投诉</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Patrol</source>
        <translation>巡查</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Equipment</source>
        <translation>设备</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Security</source>
        <translation>安全</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Incident</source>
        <translation>突发事件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Handover</source>
        <translation>交接班</translation>
    </message>
</context>
<context>
    <name>LogTab</name>
    <message>
        <location filename="../../desk_app/ui/log_tab/tab.py" line="+73"/>
        <source>New entry (Ctrl+N)</source>
        <translation>新记录（Ctrl+N）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Correct… (Ctrl+E)</source>
        <translation>更正…（Ctrl+E）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign a day…</source>
        <translation>审阅某日记录…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print… (Ctrl+P)</source>
        <translation>打印…（Ctrl+P）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Newest</source>
        <translation>最新</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Oldest</source>
        <translation>最早</translation>
    </message>
    <message>
        <location line="+83"/>
        <source>#{id} is hidden by the filters</source>
        <translation>#{id} 被筛选条件隐藏</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{n} entries</source>
        <translation>{n} 条记录</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Search failed: {reason}</source>
        <translation>搜索失败：{reason}</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Not yet signed by a supervisor: {days}</source>
        <translation>主管尚未审阅：{days}</translation>
    </message>
    <message>
        <source>Preparing the pages…</source>
        <translation type="vanished">正在准备页面…</translation>
    </message>
    <message>
        <source>Printing failed</source>
        <translation type="vanished">打印失败</translation>
    </message>
</context>
<context>
    <name>LogTableModel</name>
    <message>
        <location filename="../../desk_app/ui/log_tab/model.py" line="+34"/>
        <source>Mon</source>
        <translation>周一</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tue</source>
        <translation>周二</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wed</source>
        <translation>周三</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thu</source>
        <translation>周四</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fri</source>
        <translation>周五</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sat</source>
        <translation>周六</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sun</source>
        <translation>周日</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Day / shift</source>
        <translation>日期 / 班次</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clerk</source>
        <translation>值班员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Situation</source>
        <translation>情况</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Handling and result</source>
        <translation>处理及结果</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+133"/>
        <source>signed</source>
        <translation>已审阅</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not signed</source>
        <translation>未审阅</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>entered after review, not yet reviewed</source>
        <translation>签阅后补记，未经审阅</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>corrected by #{id}</source>
        <translation>已更正，见 #{id}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>corrects #{id}</source>
        <translation>更正 #{id}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>after review</source>
        <translation>审阅后更正</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>late entry: {reason}</source>
        <translation>补记：{reason}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>follow up</source>
        <translation>需跟进</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>followed up</source>
        <translation>已跟进</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>#{id}, recorded {time} by {clerk}</source>
        <translation>#{id}，{clerk} 记录于 {time}</translation>
    </message>
</context>
<context>
    <name>MailDialog</name>
    <message>
        <location filename="../../desk_app/ui/mail_dialog.py" line="+30"/>
        <source>Mail server</source>
        <translation>邮件服务器</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>TLS from the start (port 465); unticked: STARTTLS (port 587)</source>
        <translation>直接使用 TLS（端口 465）；不勾选则用 STARTTLS（端口 587）</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+42"/>
        <source>stored in the system&apos;s password store</source>
        <translation>已保存在系统密码库中</translation>
    </message>
    <message>
        <location line="-41"/>
        <source>not stored yet</source>
        <translation>尚未保存</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>address for a test mail</source>
        <translation>测试邮件的收件地址</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send a test mail</source>
        <translation>发送测试邮件</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Server:</source>
        <translation>服务器：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Port:</source>
        <translation>端口：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>User:</source>
        <translation>用户名：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sender address:</source>
        <translation>发件地址：</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>DutyDesk test mail</source>
        <translation>值班台测试邮件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The duty desk can send reports from this address.</source>
        <translation>值班台可以用此地址发送报表。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The test mail was sent.</source>
        <translation>测试邮件已发送。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desk_app/smoke.py" line="+62"/>
        <location filename="../../desk_app/ui/main_window.py" line="+125"/>
        <source>Shift log</source>
        <translation>值班记录</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/main_window.py" line="+2"/>
        <source>Handover</source>
        <translation>交接班</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tickets</source>
        <translation>工单</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Roster</source>
        <translation>值班安排表</translation>
    </message>
    <message>
        <source>The roster is not available in this version of DutyDesk yet. Until it is, keep using the paper roster.</source>
        <translation type="vanished">本版本的值班台暂不提供值班安排表。在此之前，请继续使用纸质排班表。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Locked</source>
        <translation>已锁定</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/main_menus.py" line="+40"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;New log entry</source>
        <translation>新建值班记录(&amp;N)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Check a printed page…</source>
        <translation>核对纸页(&amp;C)…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Change &amp;password…</source>
        <translation>修改密码(&amp;P)…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sign &amp;out</source>
        <translation>退出登录(&amp;O)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Admin</source>
        <translation>管理(&amp;A)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Accounts…</source>
        <translation>账号(&amp;A)…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Only a supervisor or manager manages accounts.</source>
        <translation>只有客服主管或管理处主任可以管理账号。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Ticket rules and price list…</source>
        <translation>工单规则与收费价格(&amp;T)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Backups and locking…</source>
        <translation>备份与锁屏(&amp;B)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Mail server…</source>
        <translation>邮件服务器(&amp;M)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Holiday schedule…</source>
        <translation>节假日安排(&amp;H)…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;About DutyDesk</source>
        <translation>关于值班台(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/main_window.py" line="+70"/>
        <source>Your password was changed.</source>
        <translation>您的密码已修改。</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>The language is now {language}. It takes effect when DutyDesk is started again.</source>
        <translation>界面语言已改为 {language}，重新启动值班台后生效。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>About DutyDesk</source>
        <translation>关于值班台</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{app} {version}

Shift log, handover, tickets and roster for a reception duty desk.

Database: {database}
Log files: {logs}</source>
        <translation>{app} {version}

前台值班的值班记录、交接班、工单和值班安排表。

数据库：{database}
日志文件：{logs}</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Signed in: {name} ({username}), {role}</source>
        <translation>当前登录：{name}（{username}），{role}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>No shift is running now</source>
        <translation>当前没有进行中的班次</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Current shift: {shift} {span}, {date}</source>
        <translation>当前班次：{date} {shift} {span}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{n} escalated to you</source>
        <translation>{n} 条上报给您</translation>
    </message>
    <message>
        <location line="+81"/>
        <source>The daily backup failed: {reason}</source>
        <translation>每日备份失败：{reason}</translation>
    </message>
</context>
<context>
    <name>NoticesDialog</name>
    <message>
        <location filename="../../desk_app/ui/escalation_watch.py" line="+19"/>
        <source>Escalated to you</source>
        <translation>上报给您的工单</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>These tickets were escalated to your level. Open one to deal with it, or mark them as read.</source>
        <translation>以下工单已上报到您这一级。打开工单进行处理，或全部标为已读。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Open ticket</source>
        <translation>打开工单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mark all as read</source>
        <translation>全部标为已读</translation>
    </message>
</context>
<context>
    <name>OverrideDialog</name>
    <message>
        <location filename="../../desk_app/ui/handover_tab/override_dialog.py" line="+27"/>
        <source>Supervisor: allow the handover</source>
        <translation>客服主管：放行交接班</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>“{work}” is important and not finished. A supervisor may allow the handover anyway; the name and the reason are kept with the handover record.</source>
        <translation>“{work}”是重要事项，尚未完成。客服主管可以放行交接班；放行人和理由将随交接班记录保存。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Why the work may be handed over unfinished</source>
        <translation>该事项可以未完成移交的理由</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Supervisor user name</source>
        <translation>主管用户名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Allow</source>
        <translation>放行</translation>
    </message>
</context>
<context>
    <name>PageCheckDialog</name>
    <message>
        <location filename="../../desk_app/ui/page_check_dialog.py" line="+50"/>
        <source>Check a printed page</source>
        <translation>核对纸页</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Type the fingerprint printed at the foot of the page (after 核对码), or scan the page&apos;s QR code, then press Enter.</source>
        <translation>输入纸页底部“核对码”后面印的内容，或用扫码枪扫描纸页上的二维码，然后按回车。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Check</source>
        <translation>核对(&amp;C)</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Checking…</source>
        <translation>正在核对…</translation>
    </message>
</context>
<context>
    <name>PersonCalendarDialog</name>
    <message>
        <location filename="../../desk_app/ui/roster_tab/person_calendar.py" line="+37"/>
        <source>{name}: {year}-{month:02d}</source>
        <translation>{name}：{year}-{month:02d}</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>leave</source>
        <translation>请假</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>day off</source>
        <translation>休息</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Statutory holiday</source>
        <translation>法定节假日</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{n} shifts this month</source>
        <translation>本月共 {n} 个班次</translation>
    </message>
</context>
<context>
    <name>PrintLogDialog</name>
    <message>
        <location filename="../../desk_app/ui/log_tab/print_dialog.py" line="+30"/>
        <source>Print the shift log</source>
        <translation>打印值班记录</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The current shift</source>
        <translation>当前班次</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The current shift ({date} {shift})</source>
        <translation>当前班次（{date} {shift}）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>One day</source>
        <translation>某一天</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A date range</source>
        <translation>日期范围</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save as PDF…</source>
        <translation>另存为 PDF…</translation>
    </message>
</context>
<context>
    <name>PrintPreview</name>
    <message>
        <location filename="../../desk_app/ui/print_preview.py" line="+65"/>
        <source>The printer could not be started.</source>
        <translation>无法启动打印机。</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>Printing failed</source>
        <translation>打印失败</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The printout could not be read: {error}</source>
        <translation>无法读取打印文件：{error}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Print preview</source>
        <translation>打印预览</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/save_files.py" line="+51"/>
        <source>Save as PDF</source>
        <translation>另存为 PDF</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save as Excel workbook</source>
        <translation>另存为 Excel 工作簿</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save the calendar</source>
        <translation>保存日历</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Calendar files (*.ics)</source>
        <translation>日历文件 (*.ics)</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>Saving failed</source>
        <translation>保存失败</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The file could not be saved to {path}: {error}</source>
        <translation>文件无法保存到 {path}：{error}</translation>
    </message>
    <message>
        <source>The PDF could not be saved to {path}: {error}</source>
        <translation type="vanished">PDF 无法保存到 {path}：{error}</translation>
    </message>
</context>
<context>
    <name>PublishGapsDialog</name>
    <message>
        <location filename="../../desk_app/ui/roster_tab/publish.py" line="+33"/>
        <source>Publish with shifts short of people?</source>
        <translation>有班次人手不足，仍要发布吗？</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{n} shifts of {year}-{month:02d} are short of people. Published like this, they have too few people on duty until someone is put on them:</source>
        <translation>{year}-{month:02d} 有 {n} 个班次人手不足。按现在这样发布，这些班次在补上人之前值班人数不够：</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Publish with these gaps</source>
        <translation>确认缺岗并发布</translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <location filename="../../desk_app/ui/i18n.py" line="+39"/>
        <source>Drive</source>
        <translation>驱动器</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shortcut</source>
        <translation>快捷方式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
</context>
<context>
    <name>RecordKind</name>
    <message>
        <location filename="../../desk_app/services/page_seal/check.py" line="-149"/>
        <source>account</source>
        <translation>账号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>audit event</source>
        <translation>审计记录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>day signature</source>
        <translation>日签阅</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>changeover check</source>
        <translation>交接班检查</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>follow-up closure</source>
        <translation>跟进关闭记录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>handover record</source>
        <translation>交接班记录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>handover item</source>
        <translation>交接物品</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>handover item change</source>
        <translation>交接物品变更</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>incident report</source>
        <translation>事件报告</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>log entry</source>
        <translation>值班记录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>roster cell</source>
        <translation>排班格</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>roster month</source>
        <translation>月排班</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>roster version</source>
        <translation>排班版本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ticket</source>
        <translation>工单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ticket clock</source>
        <translation>工单时限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ticket event</source>
        <translation>工单处理记录</translation>
    </message>
</context>
<context>
    <name>RecordsPage</name>
    <message>
        <location filename="../../desk_app/ui/handover_tab/records_page.py" line="+40"/>
        <source>1. Previous records</source>
        <translation>1. 上班记录</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The incoming clerk reads what the outgoing shift recorded and what must be followed up, asks about anything unclear, and signs in.</source>
        <translation>接班人阅读上一班的记录和待跟进事项，有疑问当面询问，然后登录确认。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clerk</source>
        <translation>值班员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Situation</source>
        <translation>情况</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Handling and result</source>
        <translation>处理及结果</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Follow-up</source>
        <translation>跟进</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign in as the incoming clerk</source>
        <translation>以接班人身份登录</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The incoming clerk has read these records and the items to follow up</source>
        <translation>接班人已阅读以上记录和待跟进事项</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Incoming clerk</source>
        <translation>接班人</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>corrected by #{id}</source>
        <translation>已更正，见 #{id}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>to follow up</source>
        <translation>待跟进</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>No records in this shift.</source>
        <translation>本班次没有记录。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>To follow up ({n}):</source>
        <translation>待跟进（{n}）：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nothing is waiting to be followed up.</source>
        <translation>没有待跟进的事项。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The incoming clerk is expected by {time} ({n} minutes before the shift ends).</source>
        <translation>接班人应于 {time} 前到岗（班次结束前 {n} 分钟）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{name} signed in at {time}.</source>
        <translation>{name} 于 {time} 登录。</translation>
    </message>
</context>
<context>
    <name>RegisterDialog</name>
    <message>
        <location filename="../../desk_app/ui/ticket_tab/register_dialog.py" line="+68"/>
        <source>Register a request</source>
        <translation>登记工单</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>name, or a phone number or building to look up</source>
        <translation>姓名，或输入电话、楼栋查找</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>e.g. 3栋</source>
        <translation>例如 3栋</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>e.g. 2单元1203</source>
        <translation>例如 2单元1203</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Solved on the spot</source>
        <translation>当场解决</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not judged yet</source>
        <translation>尚未判定</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Valid complaint</source>
        <translation>有效投诉</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Invalid complaint</source>
        <translation>无效投诉</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Judged:</source>
        <translation>判定：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Visit time agreed</source>
        <translation>已约定上门时间</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>e.g. 工程部刘师傅</source>
        <translation>例如 工程部刘师傅</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Agreed visit:</source>
        <translation>约定上门：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Person dispatched:</source>
        <translation>派工人员：</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Paid</source>
        <translation>已收费</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Service:</source>
        <translation>服务项目：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quantity:</source>
        <translation>数量：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Agreed time:</source>
        <translation>约定时间：</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>one item per line</source>
        <translation>每行一件物品</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Identity checked</source>
        <translation>已核实身份</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>e.g. 身份证后四位 1234</source>
        <translation>例如 身份证后四位 1234</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Items:</source>
        <translation>放行物品：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Identity shown:</source>
        <translation>身份证明：</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The owner agreed</source>
        <translation>业主已同意</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Visitor:</source>
        <translation>访客：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Number:</source>
        <translation>人数：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Passed on already</source>
        <translation>已当场转达</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recipient:</source>
        <translation>收件人：</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Register (Ctrl+Enter)</source>
        <translation>登记（Ctrl+Enter）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Kind:</source>
        <translation>类型：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Source:</source>
        <translation>来源：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resident:</source>
        <translation>住户：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Building:</source>
        <translation>楼栋：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unit and room:</source>
        <translation>单元房号：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone:</source>
        <translation>电话：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Request:</source>
        <translation>内容：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Urgency:</source>
        <translation>紧急程度：</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Clear the form</source>
        <translation>清空表单</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Put back what you typed at {time} and did not register.</source>
        <translation>已恢复您在 {time} 输入但未登记的内容。</translation>
    </message>
</context>
<context>
    <name>RequestDialog</name>
    <message>
        <location filename="../../desk_app/ui/roster_tab/requests_panel.py" line="-83"/>
        <source>Ask for leave</source>
        <translation>申请请假</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ask for a swap</source>
        <translation>申请调班</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ask for a cover</source>
        <translation>申请顶班</translation>
    </message>
    <message>
        <location line="+18"/>
        <location line="+9"/>
        <source>From:</source>
        <translation>从：</translation>
    </message>
    <message>
        <location line="-8"/>
        <location line="+9"/>
        <source>To:</source>
        <translation>到：</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>My shift on:</source>
        <translation>我的班次日期：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>With:</source>
        <translation>调换对象：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Their shift on:</source>
        <translation>对方班次日期：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>On my shift of:</source>
        <translation>我的班次日期：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Covered by:</source>
        <translation>顶班人：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reason:</source>
        <translation>事由：</translation>
    </message>
</context>
<context>
    <name>RequestsPanel</name>
    <message>
        <location line="+70"/>
        <source>Request</source>
        <translation>申请</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Who</source>
        <translation>申请人</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>When</source>
        <translation>日期</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Leave…</source>
        <translation>请假…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Swap…</source>
        <translation>调班…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cover…</source>
        <translation>顶班…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Approve…</source>
        <translation>批准…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decline…</source>
        <translation>不批准…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Withdraw</source>
        <translation>撤回</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Leave, swaps and covers</source>
        <translation>请假、调班与顶班</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Leave</source>
        <translation>请假</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Swap</source>
        <translation>调班</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cover</source>
        <translation>顶班</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>pending</source>
        <translation>待审批</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>declined</source>
        <translation>未批准</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>withdrawn</source>
        <translation>已撤回</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>With: {name}</source>
        <translation>对方：{name}</translation>
    </message>
</context>
<context>
    <name>ReviewDialog</name>
    <message>
        <location filename="../../desk_app/ui/log_tab/review_dialog.py" line="+32"/>
        <source>Sign a day&apos;s records</source>
        <translation>审阅某日记录</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Optional remark</source>
        <translation>备注（可选）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Your password signs the records</source>
        <translation>以您的密码签阅记录</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not yet signed: {days}</source>
        <translation>尚未审阅：{days}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Every day with records is signed.</source>
        <translation>有记录的日期均已审阅。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remark</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sign</source>
        <translation>签字</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Signed by {name} at {time}.</source>
        <translation>{name} 于 {time} 签字。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The signature covers the entries up to #{id}.</source>
        <translation>签阅范围：至第 #{id} 条记录。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{count} records so far. The day can be signed from {time}, when its last shift ends.</source>
        <translation>目前共 {count} 条记录。当天最后一个班次结束后，自 {time} 起方可签阅。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{count} records on this day.</source>
        <translation>当天共 {count} 条记录。</translation>
    </message>
</context>
<context>
    <name>Role</name>
    <message>
        <location filename="../../desk_app/domain/roles.py" line="-25"/>
        <source>Duty clerk</source>
        <translation>值班员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Supervisor</source>
        <translation>客服主管</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Manager</source>
        <translation>管理处主任</translation>
    </message>
</context>
<context>
    <name>RosterGridModel</name>
    <message>
        <location filename="../../desk_app/ui/roster_tab/model.py" line="+142"/>
        <source>Shifts</source>
        <translation>班数</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Hours</source>
        <translation>工时</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Statutory holiday</source>
        <translation>法定节假日</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Make-up working day</source>
        <translation>调休上班日</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{shift} planned/needed</source>
        <translation>{shift} 已排/需要</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>locked: the generator keeps it</source>
        <translation>已锁定：自动排班时保留</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>approved leave</source>
        <translation>已批准的请假</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>wish: {wish}</source>
        <translation>意愿：{wish}</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>{n} short</source>
        <translation>缺 {n} 人</translation>
    </message>
</context>
<context>
    <name>RosterRulesDialog</name>
    <message>
        <location filename="../../desk_app/ui/roster_tab/rules_dialog.py" line="+50"/>
        <source>Roster rules</source>
        <translation>排班规则</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Shifts</source>
        <translation>班次</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>People</source>
        <translation>人员</translation>
    </message>
    <message>
        <location line="+16"/>
        <source> h</source>
        <translation> 小时</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>e.g. 白班</source>
        <translation>例如：白班</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Add shift</source>
        <translation>添加班次</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Retire the selected shift</source>
        <translation>停用所选班次</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+123"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location line="-118"/>
        <source>New shift:</source>
        <translation>新班次：</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Rest between two shifts at least:</source>
        <translation>两班之间至少休息：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Leave asked at least:</source>
        <translation>请假至少提前：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A cover (顶班) lasts at most:</source>
        <translation>顶班最长：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>People each shift needs, per weekday and on statutory holidays:</source>
        <translation>各班次每天所需人数（按星期及法定节假日）：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>May not be worked the day after (ticked; greyed: too little rest):</source>
        <translation>次日不得接上的班次（勾选；灰色表示休息不足）：</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Holiday</source>
        <translation>节假日</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>after {shift}</source>
        <translation>{shift}之后</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Only {h:.1f} hours of rest</source>
        <translation>仅休息 {h:.1f} 小时</translation>
    </message>
    <message>
        <location line="+28"/>
        <location line="+140"/>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <location line="-126"/>
        <source>Shift added.</source>
        <translation>已添加班次。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Select the shift&apos;s row first.</source>
        <translation>请先选择班次所在的行。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Shift retired.</source>
        <translation>已停用班次。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The first row is the desk&apos;s default; “default” in a person&apos;s row follows it. The most of a shift: 0 = never (e.g. no nights).</source>
        <translation>第一行为前台默认规则；个人行中的“默认”即沿用默认规则。某班次最多次数为 0 表示不排该班（如不上夜班）。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Desk default</source>
        <translation>前台默认</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No nights</source>
        <translation>不上夜班</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Most days in a row</source>
        <translation>最多连续上班</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fewest days in a row</source>
        <translation>最少连续上班</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fewest days off in a row</source>
        <translation>最少连续休息</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Most weekends</source>
        <translation>最多周末</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fewest hours</source>
        <translation>最少工时</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Most hours</source>
        <translation>最多工时</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Most {shift}</source>
        <translation>{shift}最多</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mobile</source>
        <translation>手机</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Office phone</source>
        <translation>办公电话</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>default</source>
        <translation>默认</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Ticked: no night shifts; half: as the desk&apos;s default</source>
        <translation>勾选：不排夜班；半选：沿用前台默认</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>no limit</source>
        <translation>不限</translation>
    </message>
</context>
<context>
    <name>RosterTab</name>
    <message>
        <location filename="../../desk_app/ui/roster_tab/tab.py" line="+98"/>
        <source>Previous month</source>
        <translation>上个月</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next month</source>
        <translation>下个月</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Publish…</source>
        <translation>发布…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Changes…</source>
        <translation>变更记录…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rules…</source>
        <translation>规则…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shifts and the people they need, rest, and each person&apos;s rules</source>
        <translation>班次及所需人数、休息规定、每人的排班规则</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Generate</source>
        <translation>自动排班</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+151"/>
        <source>Compute the best roster for the month; locked cells, approved leave and wishes are kept</source>
        <translation>计算本月最优排班；保留锁定的格子、已批准的请假并尽量满足意愿</translation>
    </message>
    <message>
        <location line="-147"/>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The longest the search may take</source>
        <translation>最长计算时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PDF…</source>
        <translation>PDF…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Excel…</source>
        <translation>Excel…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Calendar…</source>
        <translation>日历…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The selected person&apos;s shifts as an .ics file for a phone calendar</source>
        <translation>所选人员的班次导出为 .ics 文件，可导入手机日历</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Double-click a name for that person&apos;s calendar</source>
        <translation>双击姓名查看此人的月历</translation>
    </message>
    <message>
        <location line="+90"/>
        <source>Published, version {n}</source>
        <translation>已发布，第 {n} 版</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Draft: not published</source>
        <translation>草稿：未发布</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A published month changes cell by cell, with a reason.</source>
        <translation>已发布的月份只能逐格修改并说明原因。</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/roster_tab/texts.py" line="+149"/>
        <source>work {shift} (weight {w})</source>
        <translation>想上{shift}（权重 {w}）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>off {shift} (weight {w})</source>
        <translation>不想上{shift}（权重 {w}）</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/roster_tab/tab.py" line="+15"/>
        <source>Change the published roster</source>
        <translation>修改已发布的排班</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The roster is published. Why does it change?</source>
        <translation>排班表已发布。修改的原因是什么？</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/roster_tab/texts.py" line="-86"/>
        <source>{when}{shift}: {planned} of {needed} people</source>
        <translation>{when}{shift}：已排 {planned} 人，需要 {needed} 人</translation>
    </message>
    <message>
        <location line="-43"/>
        <source>the rules could not be checked in the time given</source>
        <translation>在给定的时间内未能检查这些规则</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>at most one shift a day</source>
        <translation>每天最多一个班次</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{name}: the most {shift} shifts</source>
        <translation>{name}：{shift}最多次数</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{name}: days off and approved leave</source>
        <translation>{name}：休息日与已批准的请假</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name}: locked cells</source>
        <translation>{name}：锁定的格子</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name}: rest between shifts</source>
        <translation>{name}：两班之间的休息</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name}: the minimum hours</source>
        <translation>{name}：最低工时</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name}: the maximum hours</source>
        <translation>{name}：最高工时</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name}: the most working days in a row</source>
        <translation>{name}：最多连续上班天数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name}: the fewest working days in a row</source>
        <translation>{name}：最少连续上班天数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name}: the fewest days off in a row</source>
        <translation>{name}：最少连续休息天数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name}: the most weekends</source>
        <translation>{name}：最多上班周末数</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>more than one shift a day</source>
        <translation>一天多于一个班次</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>too little rest between two shifts</source>
        <translation>两班之间休息不足</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>more of a shift than allowed (or a shift not allowed, e.g. nights)</source>
        <translation>某班次超过允许次数（或不允许上该班，如夜班）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>fewer hours than the minimum</source>
        <translation>工时少于最低要求</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>more hours than the maximum</source>
        <translation>工时超过上限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>too many working days in a row</source>
        <translation>连续上班天数过多</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>too few working days in a row</source>
        <translation>连续上班天数过少</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>too few days off in a row</source>
        <translation>连续休息天数过少</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>too many weekends</source>
        <translation>上班周末过多</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>works on approved leave or a day off</source>
        <translation>在已批准的请假日或休息日上班</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Short of people: {n} shifts ({people} people missing); wishes not met: {wishes}; rules not kept: {rules}</source>
        <translation>人手不足：{n} 个班次缺人（共缺 {people} 人次）；未满足的愿望：{wishes} 个；未遵守的排班规则：{rules} 处</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Every shift has its people; wishes not met: {wishes}; rules not kept: {rules}</source>
        <translation>所有班次都已排满；未满足的愿望：{wishes} 个；未遵守的排班规则：{rules} 处</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Shifts short of people ({n})</source>
        <translation>人手不足的班次（{n} 个）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wishes not met ({n})</source>
        <translation>未满足的愿望（{n} 个）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rules not kept ({n})</source>
        <translation>未遵守的排班规则（{n} 处）</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Short of people: {n} shifts cannot be filled. With these people and rules this is the best roster possible (found in {s:.1f} s).</source>
        <translation>人手不足：无法排满 {n} 个班次。在现有人员和规则下，这已是最好的排法（用时 {s:.1f} 秒）。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Short of people: {n} shifts are not filled. The search stopped after {s:.1f} s before proving this the best roster; with more time it may fill more.</source>
        <translation>人手不足：还有 {n} 个班次未排满。搜索在 {s:.1f} 秒时停止，尚未证明这是最好的排法；多给些时间，也许能排满更多班次。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Generated in {s:.1f} s: every shift has its people; this is the best roster the rules allow.</source>
        <translation>已生成排班（用时 {s:.1f} 秒）：所有班次都已排满，这是现有规则下最好的排法。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Generated in {s:.1f} s: every shift has its people. The search stopped before proving this the best roster; with more time it may meet more wishes.</source>
        <translation>已生成排班（用时 {s:.1f} 秒）：所有班次都已排满。搜索提前停止，尚未证明这是最好的排法；多给些时间，也许能满足更多愿望。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{n} wishes could not be met.</source>
        <translation>有 {n} 个愿望未能满足。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{n} rules are not kept (see the list).</source>
        <translation>有 {n} 处未遵守排班规则（见下方列表）。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>work any shift (weight {w})</source>
        <translation>想上班（权重 {w}）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>off the whole day (weight {w})</source>
        <translation>想休息（权重 {w}）</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/roster_tab/cell_menu.py" line="+34"/>
        <source>X  Day off (kept by the generator)</source>
        <translation>X  休息（自动排班时保留）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>0  Clear</source>
        <translation>0  清除</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>L  Lock / unlock</source>
        <translation>L  锁定 / 解锁</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Wish for this day</source>
        <translation>对这一天的意愿</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Day off</source>
        <translation>休息</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Work, any shift</source>
        <translation>上班（任意班次）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Work {shift}</source>
        <translation>上{shift}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No wish</source>
        <translation>取消意愿</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/roster_tab/tab.py" line="+103"/>
        <source>Wish</source>
        <translation>意愿</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>How much does it matter? (1 a little … 10 very much)</source>
        <translation>有多重要？（1 一般 … 10 非常重要）</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/roster_tab/generate.py" line="+121"/>
        <source>Searching…</source>
        <translation>正在计算…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Stopping…</source>
        <translation>正在停止…</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Best so far: {short} shifts short of people, {wishes} wishes not met ({s:.0f} s)</source>
        <translation>目前最好：{short} 个班次缺人，{wishes} 个愿望未满足（{s:.0f} 秒）</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>No roster satisfies the rules. These rules conflict: {rules}</source>
        <translation>没有满足全部规则的排班。以下规则相互冲突：{rules}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No roster was found in the time given; allow more time.</source>
        <translation>在给定时间内没有找到排班，请延长计算时间。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The roster could not be generated: {error}</source>
        <translation>无法生成排班：{error}</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/roster_tab/tab.py" line="+32"/>
        <source>Select the person&apos;s row first.</source>
        <translation>请先选择人员所在的行。</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/roster_tab/publish.py" line="+49"/>
        <location line="+8"/>
        <source>Publish the roster</source>
        <translation>发布排班表</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Publish {year}-{month:02d} for everyone? A note for the record (optional):</source>
        <translation>向全体发布 {year}-{month:02d} 的排班表？备注（可不填）：</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{name}, your password publishes the roster:</source>
        <translation>{name}，请输入您的密码以发布排班表：</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Published as version {n}.</source>
        <translation>已发布为第 {n} 版。</translation>
    </message>
</context>
<context>
    <name>SaveFiles</name>
    <message>
        <location filename="../../desk_app/ui/save_files.py" line="-30"/>
        <source>Replace the file?</source>
        <translation>替换文件？</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} already exists in {folder}. Replace it?</source>
        <translation>{folder} 中已有 {name}。要替换它吗？</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>File saved</source>
        <translation>文件已保存</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Saved {name} in {folder}.</source>
        <translation>已将 {name} 保存到 {folder}。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Open folder</source>
        <translation>打开文件夹</translation>
    </message>
</context>
<context>
    <name>SetupDialog</name>
    <message>
        <location filename="../../desk_app/ui/setup_dialog.py" line="+171"/>
        <source>Set up the desk — {app}</source>
        <translation>设置前台 — {app}</translation>
    </message>
    <message>
        <source>This is the first start of DutyDesk with this database. Name the desk, choose its shifts and create the first supervisor account; the supervisor then adds the clerks.</source>
        <translation type="vanished">这是值班台第一次使用此数据库。请填写前台名称、选择班次并创建第一个客服主管账号；之后由主管添加值班员。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>This is the first start of DutyDesk with this database. Name the desk, choose its shifts, list the items kept at the desk and create the first supervisor account; the supervisor then adds the clerks.</source>
        <translation>这是值班台第一次使用此数据库。请填写岗位名称，选择班次，列出岗位保管的物品，并创建第一个主管账号；之后由主管添加值班员。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>for example: Green Lake Garden customer service centre front desk</source>
        <translation>例如：翠湖花园客户服务中心前台</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Desk</source>
        <translation>前台</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Desk name:</source>
        <translation>前台名称：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time zone:</source>
        <translation>时区：</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Add shift</source>
        <translation>添加班次</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove shift</source>
        <translation>删除班次</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Choose the pattern closest to the desk&apos;s, then adjust names and times if needed.</source>
        <translation>选择与本前台最接近的排班方式，再按需调整名称和时间。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Shifts</source>
        <translation>班次</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Add item</source>
        <translation>添加物品</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove item</source>
        <translation>移除物品</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Everything kept at the desk is counted at every handover. Change the list to what this desk really keeps; a supervisor can change it later (Handover → Item list…).</source>
        <translation>岗位保管的每样物品在每次交接班时都要清点。请把清单改成本岗位实际保管的物品；以后主管可随时修改（交接班 → 物品清点清单…）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This desk keeps no items to count</source>
        <translation>本岗位不保管需清点的物品</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Items kept at the desk</source>
        <translation>岗位保管的物品</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Latin letters and digits, for example zhangmin</source>
        <translation>拉丁字母和数字，例如 zhangmin</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>as printed on the forms, for example 张敏</source>
        <translation>打印在表单上的姓名，例如 张敏</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>First supervisor</source>
        <translation>第一个客服主管</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>User name:</source>
        <translation>用户名：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name:</source>
        <translation>姓名：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Repeat password:</source>
        <translation>确认密码：</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Set up the desk</source>
        <translation>设置前台</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Three shifts, around the clock</source>
        <translation>三班倒，全天 24 小时</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Day and evening</source>
        <translation>白班和晚班</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Day and night, 12 hours each</source>
        <translation>日班和夜班，各 12 小时</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>24-hour duty</source>
        <translation>24 小时值班</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>The two passwords are not the same.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The item list is empty. Add the items kept at the desk, or tick “{keeps_none}” if it really keeps none.</source>
        <translation>物品清单为空。请添加前台保管的物品；如确实不保管任何物品，请勾选“{keeps_none}”。</translation>
    </message>
</context>
<context>
    <name>ShiftTable</name>
    <message>
        <location line="-293"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Starts</source>
        <translation>开始</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ends</source>
        <translation>结束</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Length</source>
        <translation>时长</translation>
    </message>
    <message>
        <location line="+82"/>
        <source>{h} h {m} min</source>
        <translation>{h} 小时 {m} 分钟</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{h} h</source>
        <translation>{h} 小时</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{length}, ends next day</source>
        <translation>{length}，次日结束</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <location filename="../../desk_app/ui/signin_dialog.py" line="+41"/>
        <source>Sign in — {app}</source>
        <translation>登录 — {app}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>for example wangli</source>
        <translation>例如 wangli</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>User name:</source>
        <translation>用户名：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>at least 8 characters</source>
        <translation>至少 8 个字符</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose a new password</source>
        <translation>设置新密码</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A supervisor reset your password. Choose your own now; the temporary one stops working.</source>
        <translation>主管已重置您的密码。请现在设置自己的新密码，临时密码随即失效。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>New password:</source>
        <translation>新密码：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Repeat new password:</source>
        <translation>确认新密码：</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Set password and sign in</source>
        <translation>设置密码并登录</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The two new passwords are not the same.</source>
        <translation>两次输入的新密码不一致。</translation>
    </message>
</context>
<context>
    <name>SignPage</name>
    <message>
        <location filename="../../desk_app/ui/handover_tab/sign_page.py" line="+27"/>
        <source>5. Sign-off</source>
        <translation>5. 签字确认</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Both clerks sign with their own passwords. Only then may the outgoing clerk leave the desk.</source>
        <translation>交接双方用各自的密码签字。签字后交班人方可离岗。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Outgoing clerk: {name}</source>
        <translation>交班人：{name}</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+4"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Incoming clerk</source>
        <translation>接班人</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>{items} items counted, {differences} with a difference or damage; {closed} open items closed, {handed} handed over; {anomalies} anomalies; {faults} faults.</source>
        <translation>清点物品 {items} 项，有差异或损坏 {differences} 项；未完成事项关闭 {closed} 项，移交 {handed} 项；异常 {anomalies} 项；故障 {faults} 项。</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Both clerks type their passwords to sign.</source>
        <translation>交接双方输入各自密码签字。</translation>
    </message>
</context>
<context>
    <name>Source</name>
    <message>
        <location filename="../../desk_app/domain/tickets.py" line="-219"/>
        <source>Phone</source>
        <translation>来电</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Visit</source>
        <translation>来访</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
</context>
<context>
    <name>StartingItem</name>
    <message>
        <location filename="../../desk_app/domain/handover.py" line="-244"/>
        <source>Keys</source>
        <translation>钥匙</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+3"/>
        <location line="+2"/>
        <source>pcs</source>
        <translation>把</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Walkie-talkies</source>
        <translation>对讲机</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>units</source>
        <translation>台</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Access cards</source>
        <translation>门禁卡</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>cards</source>
        <translation>张</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Spare umbrellas</source>
        <translation>备用雨伞</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cash float</source>
        <translation>备用金</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>yuan</source>
        <translation>元</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Torches</source>
        <translation>手电筒</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Registers and logbooks</source>
        <translation>登记簿</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>books</source>
        <translation>本</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <location filename="../../desk_app/ui/app.py" line="+151"/>
        <source>Checking the backups…</source>
        <translation>正在检查备份…</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>There is no database at {path}, but there is a backup of {time}.

Restore the backup, or start with a new, empty desk?</source>
        <translation>{path} 处没有数据库，但有 {time} 的备份。

恢复该备份，还是新建一个空白的前台？</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>DutyDesk cannot open its database.

{reason}

The newest good backup is of {time}. Restore it? The current file is kept aside, not overwritten.</source>
        <translation>值班台无法打开数据库。

{reason}

最新的完好备份为 {time}。是否恢复？当前文件会另行保留，不会被覆盖。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Restore a backup</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Restore the backup</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Start a new desk</source>
        <translation>新建前台</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>DutyDesk cannot start</source>
        <translation>值班台无法启动</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>DutyDesk cannot open its database.

{reason}

Nothing was changed.</source>
        <translation>值班台无法打开数据库。

{reason}

未做任何更改。</translation>
    </message>
</context>
<context>
    <name>StepPage</name>
    <message>
        <location filename="../../desk_app/ui/handover_tab/page_base.py" line="+55"/>
        <source>Cannot finish yet: {reason}</source>
        <translation>还不能完成：{reason}</translation>
    </message>
</context>
<context>
    <name>SummaryPanel</name>
    <message>
        <location filename="../../desk_app/ui/roster_tab/summary_panel.py" line="+32"/>
        <source>Click an entry to go to its cell in the grid</source>
        <translation>点击一项，跳到排班表中对应的格子</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>No gaps, every wish met and every rule kept.</source>
        <translation>没有缺岗，愿望都已满足，规则都已遵守。</translation>
    </message>
</context>
<context>
    <name>TicketDetailDialog</name>
    <message>
        <location filename="../../desk_app/ui/ticket_tab/detail_dialog.py" line="+75"/>
        <source>Clock</source>
        <translation>时限</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Due</source>
        <translation>到期</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Met</source>
        <translation>完成</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>On time</source>
        <translation>是否按时</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>What</source>
        <translation>操作</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Judge…</source>
        <translation>判定…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reply…</source>
        <translation>答复…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dispatch…</source>
        <translation>派工…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Work done…</source>
        <translation>完工…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Follow-up visit…</source>
        <translation>回访…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delivered…</source>
        <translation>已转达…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Incident report…</source>
        <translation>事件报告…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Escalate…</source>
        <translation>上报…</translation>
    </message>
    <message>
        <source>Close…</source>
        <translation type="vanished">关闭…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close the case…</source>
        <translation>结案…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reopen…</source>
        <translation>重新打开…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print release slip…</source>
        <translation>打印放行条…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print incident report…</source>
        <translation>打印事件报告…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Clocks</source>
        <translation>时限</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>History</source>
        <translation>处理记录</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Ticket #{id} — {kind}</source>
        <translation>工单 #{id} — {kind}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Registered {time} by {name}</source>
        <translation>{name} 于 {time} 登记</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Dispatched: {name}</source>
        <translation>派工：{name}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Items: {items}</source>
        <translation>物品：{items}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Visitor: {name} ({n})</source>
        <translation>访客：{name}（{n} 人）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Recipient: {name}</source>
        <translation>收件人：{name}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Valid complaint</source>
        <translation>有效投诉</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Invalid complaint</source>
        <translation>无效投诉</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Incident report: {text}</source>
        <translation>事件报告：{text}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>yes</source>
        <translation>按时</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>late</source>
        <translation>超时</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>(program)</source>
        <translation>（程序）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>registered</source>
        <translation>登记</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>closed</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>judged</source>
        <translation>判定</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>replied</source>
        <translation>答复</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>dispatched</source>
        <translation>派工</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>work done</source>
        <translation>完工</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>followed up</source>
        <translation>回访</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>delivered</source>
        <translation>已转达</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>reopened</source>
        <translation>重新打开</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>incident report</source>
        <translation>事件报告</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>escalated</source>
        <translation>上报</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>Judge the complaint</source>
        <translation>判定投诉</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+72"/>
        <location line="+11"/>
        <location line="+6"/>
        <source>Reason:</source>
        <translation>原因：</translation>
    </message>
    <message>
        <location line="-77"/>
        <source>Reply to the complainant</source>
        <translation>答复投诉人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reply:</source>
        <translation>答复内容：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This resolves the complaint</source>
        <translation>投诉已解决</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next reply (if not resolved):</source>
        <translation>下次答复（未解决时）：</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Dispatch</source>
        <translation>派工</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Person dispatched:</source>
        <translation>派工人员：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A visit time was agreed</source>
        <translation>已约定上门时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Agreed visit:</source>
        <translation>约定上门：</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Paid</source>
        <translation>已收费</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Work done</source>
        <translation>完工</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>What was done:</source>
        <translation>完成情况：</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Follow-up visit</source>
        <translation>回访</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What the resident said:</source>
        <translation>住户意见：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Satisfied</source>
        <translation>满意</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Message delivered</source>
        <translation>留言已转达</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>How:</source>
        <translation>转达方式：</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Incident report</source>
        <translation>事件报告</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Report:</source>
        <translation>报告：</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Escalate</source>
        <translation>上报</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Close the case</source>
        <translation>结案</translation>
    </message>
    <message>
        <source>Close the ticket</source>
        <translation type="vanished">关闭工单</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Reopen the ticket</source>
        <translation>重新打开工单</translation>
    </message>
</context>
<context>
    <name>TicketKind</name>
    <message>
        <location filename="../../desk_app/domain/tickets.py" line="-84"/>
        <source>Consultation</source>
        <translation>咨询</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Help request</source>
        <translation>求助</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Repair</source>
        <translation>报修</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Complaint</source>
        <translation>投诉</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Convenience service</source>
        <translation>便民服务</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Item release</source>
        <translation>物品放行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Visitor</source>
        <translation>访客</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Message</source>
        <translation>留言</translation>
    </message>
</context>
<context>
    <name>TicketPaperDialog</name>
    <message>
        <location filename="../../desk_app/ui/ticket_tab/paper_dialog.py" line="+49"/>
        <source>Ticket registers and reports</source>
        <translation>工单登记表与报表</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Complaint register (投诉受理登记表)</source>
        <translation>投诉受理登记表</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Repair register (住户报修登记表)</source>
        <translation>住户报修登记表</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Monthly complaint report (部门客户投诉工作月报)</source>
        <translation>部门客户投诉工作月报</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Excel list: {kind}</source>
        <translation>Excel 清单：{kind}</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Document:</source>
        <translation>文档：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Registered:</source>
        <translation>登记日期：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Month:</source>
        <translation>月份：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save as PDF…</source>
        <translation>另存为 PDF…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save as Excel…</source>
        <translation>另存为 Excel…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send by mail…</source>
        <translation>邮件发送…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send the report as a PDF (Admin → Mail server)</source>
        <translation>以 PDF 发送报表（在“管理 → 邮件服务器”中设置）</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Send by mail</source>
        <translation>邮件发送</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>To (several addresses separated by commas):</source>
        <translation>收件人（多个地址用逗号分隔）：</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Give at least one mail address.</source>
        <translation>请至少填写一个邮箱地址。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The end date is before the start date.</source>
        <translation>结束日期早于开始日期。</translation>
    </message>
</context>
<context>
    <name>TicketRulesDialog</name>
    <message>
        <location filename="../../desk_app/ui/ticket_rules_dialog.py" line="+57"/>
        <source>off</source>
        <translation>不设</translation>
    </message>
    <message>
        <location line="-21"/>
        <source>Ticket rules and price list</source>
        <translation>工单规则与收费价格一览表</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Reply within (minutes)</source>
        <translation>答复时限（分钟）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Follow-up within (working days)</source>
        <translation>回访时限（工作日）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To the supervisor, minutes before due</source>
        <translation>到期前多少分钟上报主管</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To the manager, minutes after due</source>
        <translation>超时多少分钟上报主任</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Save the rules</source>
        <translation>保存规则</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>A complaint is answered within 2 hours and visited back within 2 working days (weekends and statutory holidays do not count, make-up working days do). “off” switches a clock off for that kind.</source>
        <translation>投诉须在 2 小时内答复，并在 2 个工作日内回访（周末和法定节假日不计，调休上班日计入）。“不设”表示该类别不设此时限。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Service</source>
        <translation>服务项目</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Price (yuan)</source>
        <translation>价格（元）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>e.g. 疏通下水道</source>
        <translation>例如：疏通下水道</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>each</source>
        <translation>次</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Take off the list</source>
        <translation>停用所选项目</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Clocks and escalation</source>
        <translation>时限与上报</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Price list</source>
        <translation>收费价格一览表</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Choose the service to take off the list.</source>
        <translation>请先选择要停用的服务项目。</translation>
    </message>
</context>
<context>
    <name>TicketStatus</name>
    <message>
        <location filename="../../desk_app/domain/tickets.py" line="+30"/>
        <source>Open</source>
        <translation>待处理</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In progress</source>
        <translation>处理中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Awaiting follow-up</source>
        <translation>待回访</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Closed</source>
        <translation>已关闭</translation>
    </message>
</context>
<context>
    <name>TicketTab</name>
    <message>
        <source>Register… (Ctrl+N)</source>
        <translation type="vanished">登记…（Ctrl+N）</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/ticket_tab/tab.py" line="+79"/>
        <source>Register… (Ctrl+T)</source>
        <translation>登记…（Ctrl+T）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Registers and reports… (Ctrl+P)</source>
        <translation>登记表与报表… (Ctrl+P)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>All kinds</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Open work</source>
        <translation>未完成工单</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Due today</source>
        <translation>今日到期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Overdue</source>
        <translation>已超时</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Search, e.g. 漏水 (Ctrl+F)</source>
        <translation>搜索，例如 漏水（Ctrl+F）</translation>
    </message>
    <message>
        <location line="+103"/>
        <source>All buildings</source>
        <translation>全部楼栋</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>All clerks</source>
        <translation>全部值班员</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>{n} tickets</source>
        <translation>{n} 张工单</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>{kind} #{id}</source>
        <translation>{kind} #{id}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Registered: {ticket}.</source>
        <translation>已登记：{ticket}。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Registered and closed: {ticket} (listed under “Closed”).</source>
        <translation>已登记并关闭：{ticket}（在「已关闭」中可查）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Registered: {ticket} (the filters hide it).</source>
        <translation>已登记：{ticket}（当前筛选条件下未显示）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show it</source>
        <translation>查看</translation>
    </message>
</context>
<context>
    <name>TicketTableModel</name>
    <message>
        <location filename="../../desk_app/ui/ticket_tab/model.py" line="+114"/>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Urgency</source>
        <translation>紧急程度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resident</source>
        <translation>住户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Address</source>
        <translation>住址</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Request</source>
        <translation>内容</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Registered</source>
        <translation>登记时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Due</source>
        <translation>时限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Level</source>
        <translation>处理级别</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clerk</source>
        <translation>登记人</translation>
    </message>
    <message>
        <location line="-80"/>
        <source>{clock} overdue {time}</source>
        <translation>{clock} 超时 {time}</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>1 day {time}</source>
        <translation>1天 {time}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{days} days {time}</source>
        <translation>{days}天 {time}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{clock} in {time}</source>
        <translation>{clock} 还剩 {time}</translation>
    </message>
</context>
<context>
    <name>Urgency</name>
    <message>
        <location filename="../../desk_app/domain/tickets.py" line="+21"/>
        <source>Normal</source>
        <translation>一般</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Urgent</source>
        <translation>紧急</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Major incident</source>
        <translation>重大事件</translation>
    </message>
</context>
<context>
    <name>WorkPage</name>
    <message>
        <location filename="../../desk_app/ui/handover_tab/work_page.py" line="+34"/>
        <source>3. Open work</source>
        <translation>3. 未完成事项</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Each open item is either closed now or handed over with a note. Important work left unfinished stops the handover unless a supervisor allows it.</source>
        <translation>每项未完成事项须当场关闭，或填写说明后移交。重要事项未完成时不能交接班，除非客服主管放行。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Work</source>
        <translation>事项</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Done?</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Supervisor</source>
        <translation>客服主管</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>A pending matter not in the list, e.g. a parcel to be collected</source>
        <translation>清单外的待办事项，例如待领取的快递</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Important</source>
        <translation>重要</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add pending item</source>
        <translation>添加待办事项</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Important: {work}</source>
        <translation>重要：{work}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>To do</source>
        <translation>待处理</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Handed over</source>
        <translation>已移交</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>how it was closed, or what the next shift must do</source>
        <translation>如何关闭的，或下一班需要做什么</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Allowed by {name}: {reason}</source>
        <translation>{name} 放行：{reason}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Supervisor allows…</source>
        <translation>主管放行…</translation>
    </message>
</context>
</TS>
