// Texts of the publicity review's refusals (the API answers with the code and this text; the web
// UI shows its own strings by code).

/** Code → Chinese message. */
export const PUBLICITY_MESSAGES: Record<string, string> = {
  "publicity.not_waiting": "该稿件当前不在审核中",
  "publicity.not_your_step": "当前审核环节不由您审核",
  "publicity.comment_required": "退回时请填写意见",
  "publicity.bad_state": "该稿件当前状态不允许此操作",
  "publicity.no_steps": "未配置审核流程",
  "publicity.not_editable": "只有草稿或被退回的稿件可以修改",
  "publicity.not_author": "只有撰稿人或宣传办可以进行此操作",
  "publicity.unit_required": "请选择报送单位",
  "publicity.not_info": "只有已通过的信息类稿件可以编入简报或登记采用",
  "publicity.issued": "已印发的简报不能修改",
  "publicity.empty_bulletin": "简报中还没有稿件",
  "publicity.unknown_version": "没有该版本",
  "publicity.unknown_unit": "没有该单位",
};

/** The message of a code (the code itself when unknown). */
export const publicityMessage = (code: string): string => PUBLICITY_MESSAGES[code] ?? code;
