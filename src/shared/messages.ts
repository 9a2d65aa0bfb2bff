// Messages the server sends to people, by stable code, in each UI language. Pure: no node:* imports.
// A code's texts take `{name}` placeholders; the web UI has its own strings in web/locales/.
// Fetch and feed failures have their own catalog (stored on the source row by code); they are
// messages of the API too (field errors of the source form), so the catalog includes them.
import { FETCH_MESSAGES } from "./fetch-messages";

/** Languages the server answers in, Simplified Chinese first (the default). */
export const MESSAGE_LANGS = ["zh-CN", "en"] as const;
/** One of MESSAGE_LANGS. */
export type MessageLang = (typeof MESSAGE_LANGS)[number];

/** A message code with its parameters, translated when the response is written. */
export interface MessageRef { code: string; params?: MessageParams }
/** Values for `{name}` placeholders; a MessageRef value is itself translated (e.g. a resource's name). */
export type MessageParams = Record<string, string | number | MessageRef>;

type Texts = Record<MessageLang, string>;

/** The catalog: code → texts. */
export const MESSAGES: Record<string, Texts> = {
  ...FETCH_MESSAGES,
  // Whole-request errors.
  "validation": { "zh-CN": "请检查标出的输入项", en: "Please check the highlighted fields" },
  "internal": { "zh-CN": "服务器内部错误，请稍后重试", en: "Internal server error; please try again later" },
  "bad_request": { "zh-CN": "请求格式不正确", en: "The request is malformed" },
  "payload_too_large": { "zh-CN": "提交的内容过大", en: "The request body is too large" },
  "unsupported_media_type": { "zh-CN": "不支持的内容类型", en: "Unsupported content type" },
  "not_found": { "zh-CN": "未找到该{what}", en: "{what} not found" },
  "route.not_found": { "zh-CN": "未找到 {method} {path}", en: "No such route: {method} {path}" },
  "rate_limited": { "zh-CN": "请求过于频繁，请 {seconds} 秒后再试", en: "Too many requests; try again in {seconds} s" },
  "query.too_slow": {
    "zh-CN": "查询耗时过长，已中止，请缩小时间范围或增加筛选条件",
    en: "The query took too long and was stopped; narrow the time range or add filters",
  },
  "db.busy": { "zh-CN": "数据库正忙，请稍后重试", en: "The database is busy; try again shortly" },

  // Alerts.
  "alerts.unknown_channel": { "zh-CN": "渠道不存在：{ids}", en: "No such channel: {ids}" },
  "alerts.unknown_watch": { "zh-CN": "监测方案不存在", en: "No such watch" },
  "alerts.watch_required": { "zh-CN": "请选择监测方案", en: "Choose a watch" },
  "alerts.unknown_source": { "zh-CN": "信息源不存在", en: "No such source" },
  "alerts.raise_subject": { "zh-CN": "请指定一条信息或一个事件（只能选其一）", en: "Name one item or one event (not both)" },
  "alerts.unknown_item": { "zh-CN": "信息不存在", en: "No such item" },
  "alerts.unknown_event": { "zh-CN": "事件不存在", en: "No such event" },
  "alerts.bad_clock": { "zh-CN": "请按 HH:MM 填写时间（如 22:00）", en: "Use HH:MM (e.g. 22:00)" },
  "alerts.quiet_pair": { "zh-CN": "免打扰时段需同时填写开始和结束时间", en: "Quiet hours need both a start and an end" },
  "alerts.url_required": { "zh-CN": "该渠道需要填写地址", en: "This channel needs a URL" },
  "alerts.channel_in_use": { "zh-CN": "该渠道仍被预警规则使用：{rules}", en: "Alert rules still use this channel: {rules}" },
  "duty.unknown_unit": { "zh-CN": "单位不存在", en: "No such unit" },
  "duty.unknown_user": { "zh-CN": "用户不存在或已停用：{ids}", en: "No such enabled user: {ids}" },
  "duty.bad_date": { "zh-CN": "请按 YYYY-MM-DD 填写日期", en: "Use a date as YYYY-MM-DD" },
  "duty.bad_times": { "zh-CN": "白班开始时间须早于夜班开始时间", en: "The day shift must start before the night shift" },
  "duty.date_order": { "zh-CN": "结束日期不能早于开始日期", en: "The end date cannot be before the start date" },
  "duty.not_on_shift": { "zh-CN": "该人员不在此班次中", en: "That person is not on this shift" },
  "duty.same_person": { "zh-CN": "换班双方不能是同一人", en: "A swap needs two different people" },
  "duty.no_unit": { "zh-CN": "尚未建立单位，无法排班", en: "There are no units to plan duty for" },
  "alerts.link_invalid": { "zh-CN": "确认链接无效（签名不符），请从预警消息中重新打开或在预警列表中确认", en: "This acknowledgement link is not valid; open it again from the alert message or acknowledge in the alert list" },
  "alerts.link_expired": { "zh-CN": "确认链接已过期，请登录听风在预警列表中确认", en: "This acknowledgement link has expired; acknowledge the alert in the alert list" },
  "alerts.unknown_user": { "zh-CN": "接收人不存在或已停用：{ids}", en: "No such enabled user: {ids}" },

  // Sign-in and permissions.
  "auth.required": { "zh-CN": "请先登录", en: "Please sign in" },
  "auth.forbidden": { "zh-CN": "无权执行此操作", en: "You do not have permission for this" },
  "auth.csrf": { "zh-CN": "缺少或无效的 CSRF 令牌，请刷新页面后重试", en: "Missing or invalid CSRF token (x-csrf-token); reload the page" },
  "auth.invalid": { "zh-CN": "用户名或密码错误", en: "Wrong username or password" },
  "auth.rate_limited": { "zh-CN": "尝试次数过多，请 {minutes} 分钟后再试", en: "Too many attempts; try again in {minutes} min" },
  "auth.wrong_current_password": { "zh-CN": "当前密码不正确", en: "The current password is wrong" },
  "password.too_short": { "zh-CN": "密码至少 {min} 位", en: "The password needs at least {min} characters" },
  "password.too_common": {
    "zh-CN": "密码太常见或太容易猜到，请换一个更长、更少见的密码",
    en: "The password is too common or easy to guess; choose a longer, less common one",
  },

  // Accounts and units.
  "user.username_format": { "zh-CN": "用户名为 2–32 位字母、数字或 _.-", en: "2–32 letters, digits or _.-" },
  "user.username_taken": { "zh-CN": "用户名已存在", en: "The username is already taken" },
  "user.email_format": { "zh-CN": "请填写有效的邮箱地址", en: "Enter a valid e-mail address" },
  "user.phone_format": { "zh-CN": "请填写有效的电话号码", en: "Enter a valid phone number" },
  "user.unit_not_found": { "zh-CN": "单位不存在", en: "The unit does not exist" },
  "cannot_lock_self": { "zh-CN": "不能停用自己或取消自己的管理员角色", en: "You cannot disable or demote yourself" },
  "unit.parent_not_found": { "zh-CN": "上级单位不存在", en: "The parent unit does not exist" },
  "unit.parent_cycle": { "zh-CN": "不能移到自身或下级单位之下", en: "A unit cannot move under itself or its sub-units" },
  "unit.in_use": {
    "zh-CN": "该单位还有 {children} 个下级单位、{users} 个用户、{records} 条工单/留言/官方账号记录，不能删除",
    en: "The unit still has {children} sub-units, {users} users and {records} cases, board messages or official accounts, and cannot be deleted",
  },

  // Monitoring and analysis.
  "source.url": { "zh-CN": "请输入 http(s) 地址", en: "Enter an http(s) URL" },
  "source.ids": { "zh-CN": "无效的信息源", en: "Invalid source id" },
  "source.bad_selector": { "zh-CN": "不是有效的 CSS 选择器", en: "Not a valid CSS selector" },
  "source.bad_path": { "zh-CN": "字段路径格式应为 data.items 或 list[0].title", en: "A field path looks like data.items or list[0].title" },
  "source.page_pattern": { "zh-CN": "翻页地址须为 http(s) 地址，并含页码占位符", en: "The page URL pattern must be an http(s) URL with the page-number placeholder" },
  "invalid_query": { "zh-CN": "{detail}", en: "The query is not valid at character {position} ({reason})" },
  "word.invalid": { "zh-CN": "{detail}", en: "Not a valid dictionary word" },
  "word_exists": { "zh-CN": "该词已在词典中", en: "The word is already in the dictionary" },
  "not_enough_examples": {
    "zh-CN": "至少需要 {min} 条、两种以上情感的纠正数据（现有 {have} 条）",
    en: "Training needs at least {min} corrections with two or more labels ({have} so far)",
  },
  "event_merged": { "zh-CN": "事件已合并到 #{id}", en: "The event was merged into #{id}" },
  "same_event": { "zh-CN": "不能把事件合并到自身", en: "An event cannot be merged into itself" },
  "event.items_not_in_event": { "zh-CN": "所选条目不属于该事件", en: "The selected items are not in this event" },
  "items.not_found": {
    "zh-CN": "有 {count} 条信息已不存在（可能随信息源一起删除），请刷新后重试",
    en: "{count} of the items no longer exist (perhaps deleted with their source); reload and try again",
  },
  "event.cannot_split_all": { "zh-CN": "不能拆出全部条目", en: "You cannot split off every item" },

  // Field messages for request validation.
  "field.required": { "zh-CN": "必填", en: "Required" },
  "field.too_short": { "zh-CN": "至少 {min} 个字符", en: "At least {min} characters" },
  "field.too_long": { "zh-CN": "最多 {max} 个字符", en: "At most {max} characters" },
  "field.too_small": { "zh-CN": "不能小于 {min}", en: "Must be at least {min}" },
  "field.too_big": { "zh-CN": "不能大于 {max}", en: "Must be at most {max}" },
  "field.too_few": { "zh-CN": "至少选择 {min} 项", en: "Choose at least {min}" },
  "field.too_many": { "zh-CN": "最多 {max} 项", en: "At most {max} entries" },
  "field.invalid_type": { "zh-CN": "类型不正确", en: "Wrong type" },
  "field.invalid_format": { "zh-CN": "格式不正确", en: "Invalid format" },
  "field.invalid_choice": { "zh-CN": "不是可选的值", en: "Not one of the allowed values" },
  "field.invalid_date": { "zh-CN": "不是有效的时间", en: "Not a valid date-time" },
  "field.unknown_keys": { "zh-CN": "包含未知字段", en: "Contains unknown fields" },
  "field.invalid": { "zh-CN": "无效的值", en: "Invalid value" },
  "field.bad_text": {
    "zh-CN": "包含无法显示的控制字符或残缺字符，请删除后重试",
    en: "Contains control characters or broken (unpaired surrogate) characters; remove them",
  },

  // Incident mode (24 小时值守).
  "incident.already_open": {
    "zh-CN": "该事件已在值守中（#{id}），请延长或结束后再启动", en: "This event already has an open incident (#{id}); extend or close it first",
  },
  "incident.closed": { "zh-CN": "该值守已结束", en: "This incident is closed" },
  "incident.event_merged": { "zh-CN": "事件已合并到 #{id}，请在该事件上启动值守", en: "The event was merged into #{id}; start the incident there" },
  "incident.too_long": { "zh-CN": "值守最长持续 {hours} 小时", en: "An incident lasts at most {hours} hours" },

  // Names of things, used in {what}.
  "resource.user": { "zh-CN": "用户", en: "User" },
  "resource.unit": { "zh-CN": "单位", en: "Unit" },
  "resource.source": { "zh-CN": "信息源", en: "Source" },
  "resource.item": { "zh-CN": "信息", en: "Item" },
  "resource.watch": { "zh-CN": "监测方案", en: "Watch" },
  "resource.alert": { "zh-CN": "预警", en: "Alert" },
  "resource.alert channel": { "zh-CN": "预警渠道", en: "Alert channel" },
  "resource.alert rule": { "zh-CN": "预警规则", en: "Alert rule" },
  "resource.event": { "zh-CN": "事件", en: "Event" },
  "resource.incident": { "zh-CN": "值守", en: "Incident" },
  "resource.word": { "zh-CN": "词", en: "Word" },
  "resource.repost group": { "zh-CN": "转发组", en: "Repost group" },
  "resource.case": { "zh-CN": "工单", en: "Case" },
  "resource.routing rule": { "zh-CN": "分办规则", en: "Routing rule" },

  // The public message board (留言板).
  "board.pow_invalid": { "zh-CN": "人机验证未通过或已过期，请重新验证后提交", en: "The proof-of-work check failed or expired; verify again and resubmit" },
  "board.pow_replayed": { "zh-CN": "该验证已使用过，请重新验证后提交", en: "This verification was already used; verify again" },
  "board.bad_state": { "zh-CN": "留言当前状态不允许此操作", en: "The message's state does not allow this" },
  "report.event_not_found": { "zh-CN": "事件不存在", en: "No such event" },
  "report.not_found": { "zh-CN": "报告不存在", en: "No such report" },
  "report.version_not_found": { "zh-CN": "报告版本不存在", en: "No such report version" },
  "report.template_not_found": { "zh-CN": "报告模板不存在", en: "No such report template" },
  "report.template_kind": { "zh-CN": "模板类型与报告类型不一致", en: "The template is for another kind of report" },
  "report.bad_period": { "zh-CN": "统计时段无效：起始日期不能晚于结束日期，且不超过 366 天", en: "Invalid period: the start must not be after the end, and at most 366 days" },
  "report.event_required": { "zh-CN": "专报须指定事件", en: "A special report needs an event" },
  "report.issued_kept": { "zh-CN": "已签发的报告不能删除", en: "An issued report cannot be deleted" },
  "report.run_not_found": { "zh-CN": "生成记录不存在", en: "No such generation run" },
  "report.render_failed": { "zh-CN": "文件生成失败，请稍后重试", en: "Rendering the file failed; try again later" },
  "board.no_draft": { "zh-CN": "没有待审核的答复稿", en: "There is no draft answer to approve" },
  "board.not_answered": { "zh-CN": "留言尚未答复，暂不能评价", en: "The message has no answer to rate yet" },
  "board.already_rated": { "zh-CN": "已评价过，不能重复评价", en: "This answer was already rated" },
  "board.bad_period": { "zh-CN": "结束日期不能早于开始日期", en: "The end date is before the start date" },
  "board.no_unit": { "zh-CN": "请先为留言指定承办单位", en: "Route the message to a unit first" },
  "resource.board message": { "zh-CN": "留言", en: "Message" },

  // Cases (处置工单).
  "cases.step_not_allowed": { "zh-CN": "工单当前状态为「{state}」，不能执行「{step}」", en: "A case in state \"{state}\" cannot take the step \"{step}\"" },
  "cases.step_needs_field": { "zh-CN": "此步骤需要填写该项", en: "This step needs this field" },
  "cases.unknown_items": { "zh-CN": "信息不存在：{ids}", en: "No such items: {ids}" },
  "cases.unknown_alert": { "zh-CN": "预警不存在", en: "No such alert" },
  "cases.unknown_unit": { "zh-CN": "单位不存在", en: "No such unit" },
  "cases.until_in_past": { "zh-CN": "新的期限须晚于现在", en: "The new deadline must be in the future" },
  "cases.bad_calendar_date": { "zh-CN": "日期须在 {year} 年内", en: "Dates must fall in {year}" },
  // Case statistics and the escalation memo.
  "case_stats.bad_period": { "zh-CN": "统计期须为起始日期不晚于结束日期、不超过两年的日期范围", en: "The period must run from a date to a date no earlier, at most two years" },
  // Case attachments.
  "resource.attachment": { "zh-CN": "附件", en: "Attachment" },
  "attachments.too_large": { "zh-CN": "附件过大：不能超过 {mb} MB", en: "The attachment is too large: at most {mb} MB" },
  "attachments.empty": { "zh-CN": "附件是空文件", en: "The attachment is empty" },
  "attachments.bad_name": { "zh-CN": "请提供附件的文件名（请求头 x-file-name）", en: "Give the attachment's file name (header x-file-name)" },
  "attachments.type_refused": {
    "zh-CN": "不支持该文件类型：只能上传 PDF、Word（doc/docx）、Excel（xls/xlsx）、JPG、PNG、GIF、WebP 图片或纯文本（txt）文件，且扩展名须与内容一致",
    en: "This file type is not allowed: only PDF, Word (doc/docx), Excel (xls/xlsx), JPG, PNG, GIF, WebP or plain text (txt), with an extension that matches the content",
  },
  "attachments.missing_file": { "zh-CN": "附件文件已丢失，请联系管理员", en: "The attachment's file is missing; ask an administrator" },

  // Official accounts and replies (回应).
  "replies.action_not_allowed": { "zh-CN": "回应稿当前状态为「{status}」，不能执行「{action}」", en: "A reply in status \"{status}\" cannot be \"{action}\"" },
  "replies.needs_field": { "zh-CN": "请填写该项", en: "This field is required" },
  "replies.bad_url": { "zh-CN": "请填写以 http:// 或 https:// 开头的公开网址", en: "Enter a public address starting with http:// or https://" },
  "replies.account_not_of_unit": { "zh-CN": "只能选用工单牵头单位的官方账号", en: "Choose an official account of the case's lead unit" },
  "replies.account_disabled": { "zh-CN": "该官方账号已停用", en: "This official account is disabled" },
  "replies.case_closed": { "zh-CN": "工单已办结，不能再回应", en: "The case is closed; it takes no more replies" },
  "replies.no_lead_unit": { "zh-CN": "工单尚未确定牵头单位，暂不能起草回应", en: "The case has no lead unit yet" },
  "replies.account_in_use": { "zh-CN": "该账号下已有回应记录，不能删除，可改为停用", en: "Replies were written under this account; disable it instead" },
  "replies.unknown_spokesperson": { "zh-CN": "新闻发言人须为启用的“新闻发言人”角色用户", en: "The spokesperson must be an enabled user with the spokesperson role" },
  "resource.official account": { "zh-CN": "官方账号", en: "Official account" },
  "resource.case reply": { "zh-CN": "回应稿", en: "Reply" },
  "resource.reply template": { "zh-CN": "回应模板", en: "Reply template" },
  "resource.display token": { "zh-CN": "显示令牌", en: "Display token" },
  "wall.token_invalid": { "zh-CN": "显示令牌无效或已吊销", en: "The display token is not valid or has been revoked" },
  // File import and manual entry (issue 24).
  "import.too_large": { "zh-CN": "文件过大：不能超过 {mb} MB", en: "The file is too large: at most {mb} MB" },
  "import.empty": { "zh-CN": "文件是空的", en: "The file is empty" },
  "import.too_many_rows": { "zh-CN": "文件行数过多：不能超过 {max} 行", en: "The file has too many rows: at most {max}" },
  "import.no_columns": { "zh-CN": "文件没有可识别的表头（第一行应为列名）", en: "The file has no header row (the first row should name the columns)" },
  "import.unreadable": { "zh-CN": "无法读取该文件：请上传 CSV、XLSX 或 JSONL 文件", en: "The file cannot be read: upload a CSV, XLSX or JSONL file" },
  "import.upload_expired": { "zh-CN": "上传的文件已过期，请重新上传", en: "The uploaded file has expired; upload it again" },
  "import.no_title_column": { "zh-CN": "请为「标题」或「内容」至少指定一列", en: "Map at least one column to title or text" },
  "import.unknown_column": { "zh-CN": "文件中没有列「{column}」", en: "The file has no column \"{column}\"" },
  "import.bad_source_name": { "zh-CN": "请填写来源名称（不超过 100 字）", en: "Give a source name (at most 100 characters)" },
  "import.row.no_title": { "zh-CN": "缺少标题和内容", en: "No title and no text" },
  "import.row.bad_url": { "zh-CN": "链接无效：{value}", en: "Not a usable link: {value}" },
  "import.row.bad_time": { "zh-CN": "时间无法识别：{value}", en: "Unreadable time: {value}" },
  "import.row.bad_json": { "zh-CN": "不是有效的 JSON", en: "Not valid JSON" },
  "import.row.not_object": { "zh-CN": "不是 JSON 对象", en: "Not a JSON object" },
  "manual.empty": { "zh-CN": "请粘贴正文或链接", en: "Paste a text or a link" },
  "manual.fetch_failed": { "zh-CN": "无法获取该链接：{reason}", en: "The link could not be fetched: {reason}" },
  "manual.nothing_extracted": { "zh-CN": "未能从该网页提取正文，请直接粘贴正文", en: "No article text could be taken from that page; paste the text instead" },
  // Publicity: correspondents, training, interview requests (issue 25, pub-people).
  "resource.correspondent": { "zh-CN": "通讯员", en: "Correspondent" },
  "resource.training": { "zh-CN": "培训班", en: "Training class" },
  "resource.recognition": { "zh-CN": "表彰记录", en: "Recognition" },
  "resource.interview request": { "zh-CN": "采访申请", en: "Interview request" },
  "correspondents.unknown_user": { "zh-CN": "账号不存在", en: "No such account" },
  "correspondents.user_taken": { "zh-CN": "该账号已在通讯员队伍中（{name}）", en: "This account is already on the roster ({name})" },
  "trainings.unknown_attendees": { "zh-CN": "通讯员不存在：{ids}", en: "No such correspondents: {ids}" },
  "trainings.duplicate_attendee": { "zh-CN": "同一人只能登记一次", en: "Each person can be listed once" },
  "interviews.unknown_outlet": { "zh-CN": "媒体不存在", en: "No such outlet" },
  "interviews.unknown_placement": { "zh-CN": "刊发记录不存在", en: "No such placement" },
  "interviews.placement_taken": { "zh-CN": "该刊发记录已关联其他采访申请", en: "That placement already follows another interview request" },
  "interviews.bad_state": { "zh-CN": "采访申请当前为「{state}」，不能执行此操作", en: "An interview request that is \"{state}\" cannot take this action" },
  "interviews.state.requested": { "zh-CN": "待审批", en: "Requested" },
  "interviews.state.approved": { "zh-CN": "已批准", en: "Approved" },
  "interviews.state.declined": { "zh-CN": "不予安排", en: "Declined" },
  "interviews.state.scheduled": { "zh-CN": "已安排", en: "Scheduled" },
  "interviews.state.done": { "zh-CN": "已完成", en: "Done" },
  "interviews.state.cancelled": { "zh-CN": "已取消", en: "Cancelled" },
  // Publicity: submissions, review, bulletins, outlets, placements and scoring (issue 19: were zh only).
  "resource.submission": { "zh-CN": "稿件", en: "Submission" },
  "resource.bulletin": { "zh-CN": "简报", en: "Bulletin" },
  "resource.bulletin entry": { "zh-CN": "记录", en: "Bulletin entry" },
  "resource.outlet": { "zh-CN": "媒体", en: "Outlet" },
  "resource.placement": { "zh-CN": "刊发记录", en: "Placement" },
  "resource.placement proposal": { "zh-CN": "疑似刊发记录", en: "Proposed placement" },
  "resource.review flow": { "zh-CN": "审核流程", en: "Review flow" },
  "resource.report schedule": { "zh-CN": "定时报告", en: "Report schedule" },
  "resource.leave": { "zh-CN": "请假记录", en: "Leave" },
  "publicity.not_waiting": { "zh-CN": "该稿件当前不在审核中", en: "This submission is not in review" },
  "publicity.not_your_step": { "zh-CN": "当前审核环节不由您审核", en: "The current review step is not yours" },
  "publicity.comment_required": { "zh-CN": "退回时请填写意见", en: "Give a comment when returning a submission" },
  "publicity.bad_state": { "zh-CN": "该稿件当前状态不允许此操作", en: "The submission's state does not allow this" },
  "publicity.no_steps": { "zh-CN": "未配置审核流程", en: "No review flow is set up" },
  "publicity.not_editable": { "zh-CN": "只有草稿或被退回的稿件可以修改", en: "Only a draft or a returned submission can be edited" },
  "publicity.not_author": { "zh-CN": "只有撰稿人或宣传办可以进行此操作", en: "Only the author or the publicity office can do this" },
  "publicity.unit_required": { "zh-CN": "请选择报送单位", en: "Choose the submitting unit" },
  "publicity.not_info": { "zh-CN": "只有已通过的信息类稿件可以编入简报或登记采用", en: "Only approved information submissions can go into a bulletin or be recorded as adopted" },
  "publicity.issued": { "zh-CN": "已印发的简报不能修改", en: "An issued bulletin cannot be changed" },
  "publicity.empty_bulletin": { "zh-CN": "简报中还没有稿件", en: "The bulletin has no submissions yet" },
  "publicity.unknown_version": { "zh-CN": "没有该版本", en: "No such version" },
  "publicity.unknown_unit": { "zh-CN": "没有该单位", en: "No such unit" },
  "publicity.outlet_name_taken": { "zh-CN": "已有同名媒体", en: "An outlet with this name already exists" },
  "publicity.outlet_in_use": {
    "zh-CN": "该媒体已有 {uses} 条刊发或采访记录，不能删除；请改为停用", en: "This outlet has {uses} placements or interview requests and cannot be deleted; deactivate it instead",
  },
  "publicity.unknown_source": { "zh-CN": "信息源不存在", en: "No such source" },
  "publicity.outlet_inactive": { "zh-CN": "媒体已停用", en: "The outlet is deactivated" },
  "publicity.published_in_future": { "zh-CN": "刊发日期不能晚于今天", en: "The publication date cannot be after today" },
  "publicity.bad_link": { "zh-CN": "链接须以 http:// 或 https:// 开头", en: "The link must start with http:// or https://" },
  "publicity.authors_required": { "zh-CN": "至少一位作者", en: "At least one author" },
  "publicity.bad_shares": { "zh-CN": "作者占比须在 0–1 之间且合计为 1", en: "Author shares must be between 0 and 1 and add up to 1" },
  "publicity.unknown_correspondent": { "zh-CN": "通讯员不存在", en: "No such correspondent" },
  "publicity.unknown_submission": { "zh-CN": "稿件不存在", en: "No such submission" },
  "publicity.unknown_interview": { "zh-CN": "采访申请不存在", en: "No such interview request" },
  "publicity.placement_item_taken": { "zh-CN": "该条信息已登记为刊发记录", en: "This item is already recorded as a placement" },
  "publicity.rules_history": {
    "zh-CN": "新版本的生效日期须晚于最新版本的生效日期（{validFrom}）；已保存的规则不能改写",
    en: "A new version must take effect after the latest one ({validFrom}); saved rules cannot be rewritten",
  },
  "placement_proposal.not_pending": { "zh-CN": "该记录已处理（已确认、已忽略或计为转载）", en: "This proposal was already handled (confirmed, dismissed or counted as a repost)" },
  "placement_proposal.no_outlet": { "zh-CN": "未能判断刊发媒体，请选择媒体后再确认", en: "The outlet could not be told; choose one before confirming" },
  "reports.run_not_started": { "zh-CN": "报告生成未能开始，请稍后重试", en: "The report could not be started; try again later" },
  "alerts.bad_channel_url": { "zh-CN": "请填写有效的网址", en: "Enter a valid address" },
  "report.unknown_sections": { "zh-CN": "未知的章节：{sections}", en: "Unknown sections: {sections}" },
  "report.repeated_sections": { "zh-CN": "章节不能重复", en: "A section can be listed once" },
  "replies.status.draft": { "zh-CN": "草稿", en: "draft" },
  "replies.status.submitted": { "zh-CN": "待审核", en: "submitted" },
  "replies.status.returned": { "zh-CN": "已退回", en: "returned" },
  "replies.status.approved": { "zh-CN": "已审核", en: "approved" },
  "replies.status.published": { "zh-CN": "已发布", en: "published" },
  "replies.action.draft": { "zh-CN": "起草", en: "draft" },
  "replies.action.edit": { "zh-CN": "修改", en: "edit" },
  "replies.action.submit": { "zh-CN": "提交审核", en: "submit for review" },
  "replies.action.approve": { "zh-CN": "审核通过", en: "approve" },
  "replies.action.return": { "zh-CN": "退回", en: "return" },
  "replies.action.publish": { "zh-CN": "标记已发布", en: "mark as published" },
  "source.not_polled": {
    "zh-CN": "文件导入和手工录入的信息源不从网上抓取；请通过导入文件或手工录入添加条目",
    en: "Import and manual sources are not fetched from the web; add their items by importing a file or entering them by hand",
  },
};

/** True when the catalog has texts for `code`. */
export function hasMessage(code: string): boolean {
  return Object.hasOwn(MESSAGES, code);
}

/**
 * The text of `code` in `lang` with its placeholders filled, or null when the code is unknown or a placeholder
 * has no parameter (the caller then falls back to a message it was given as-is).
 */
export function formatMessage(lang: MessageLang, code: string, params: MessageParams = {}): string | null {
  if (!hasMessage(code)) return null;
  let missing = false;
  const text = MESSAGES[code][lang].replace(/\{(\w+)\}/g, (_whole, name: string) => {
    const v = params[name];
    if (v === undefined) {
      missing = true;
      return "";
    }
    return typeof v === "object" ? (formatMessage(lang, v.code, v.params) ?? v.code) : String(v);
  });
  return missing ? null : text;
}

/** The language to answer in for an `accept-language` header: English when it asks for English first, else zh-CN. */
export function pickLang(acceptLanguage: string | undefined): MessageLang {
  const first = acceptLanguage?.split(",")[0]?.trim().toLowerCase() ?? "";
  return first === "en" || first.startsWith("en-") ? "en" : "zh-CN";
}
