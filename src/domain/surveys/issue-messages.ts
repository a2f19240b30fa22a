/**
 * The words of each problem a questionnaire or an answer can have: listed in the details of
 * survey.invalid and survey.answer_invalid (see survey-issues.ts), never thrown alone. errors.ts joins
 * them to its catalogue.
 */
import type { Bilingual } from "../bilingual.ts";

export const SURVEY_ISSUE_MESSAGES = {
  "survey.shape": { "zh-CN": "{problem}", "en-US": "{problem}" },
  "survey.duplicate_section": {
    "zh-CN": "部分代码 {key} 重复",
    "en-US": "the section key {key} is used twice",
  },
  "survey.duplicate_question": {
    "zh-CN": "题目代码 {key} 重复",
    "en-US": "the question key {key} is used twice",
  },
  "survey.duplicate_option": {
    "zh-CN": "题目 {question} 的选项代码 {key} 重复",
    "en-US": "question {question} uses the option key {key} twice",
  },
  "survey.duplicate_score": {
    "zh-CN": "题目 {question} 的量表中有两个选项的分值都是 {score}",
    "en-US": "the scale of question {question} gives the score {score} to two options",
  },
  "survey.satisfied_required": {
    "zh-CN": "题目 {question} 自定义了量表，须用 satisfied 列出哪些选项算作“满意”",
    "en-US":
      "question {question} has its own scale: list the options that count as satisfied in `satisfied`",
  },
  "survey.satisfied_unknown_option": {
    "zh-CN": "题目 {question} 的“满意”选项 {key} 不在量表中（可选：{options}）",
    "en-US":
      "question {question} counts the option {key} as satisfied, but its scale has no such option ({options})",
  },
  "survey.max_choices": {
    "zh-CN": "题目 {question} 最多可选 {max} 项，但只有 {count} 个选项",
    "en-US": "question {question} allows up to {max} choices but has only {count} options",
  },
  "survey.number_range": {
    "zh-CN": "题目 {question} 的下限 {min} 大于上限 {max}",
    "en-US": "question {question}: the minimum {min} is above the maximum {max}",
  },
  "survey.show_if_unknown_question": {
    "zh-CN": "题目 {question} 的显示条件引用了不存在的题目 {target}",
    "en-US": "question {question} is shown depending on {target}, which does not exist",
  },
  "survey.show_if_not_earlier": {
    "zh-CN": "题目 {question} 的显示条件引用的题目 {target} 不在它之前",
    "en-US": "question {question} is shown depending on {target}, which does not come before it",
  },
  "survey.show_if_not_choice": {
    "zh-CN": "题目 {question} 的显示条件引用的题目 {target} 不是选择题或量表题",
    "en-US":
      "question {question} is shown depending on {target}, which is not a choice or rating question",
  },
  "survey.show_if_unknown_option": {
    "zh-CN": "题目 {question} 的显示条件中的选项 {key} 不是题目 {target} 的选项（可选：{options}）",
    "en-US":
      "question {question} is shown depending on option {key} of {target}, which has no such option ({options})",
  },
  "survey.duplicate_demographic": {
    "zh-CN": "题目 {question} 与 {other} 都标记为人口属性 {demographic}",
    "en-US": "questions {other} and {question} are both marked as the demographic {demographic}",
  },
  "survey.demographic_kind": {
    "zh-CN": "人口属性题 {question} 须为单选题或填空题",
    "en-US": "the demographic question {question} must be a single-choice or text question",
  },
  "survey.personal_data_purpose": {
    "zh-CN": "问卷收集个人信息（{fields}），须写明收集目的（purpose）",
    "en-US": "the questionnaire collects personal data ({fields}): state the purpose",
  },
  "survey.personal_undeclared": {
    "zh-CN": "题目 {question} 收集 {field}，但问卷的 personalData 未声明收集该信息",
    "en-US":
      "question {question} asks for the {field}, which the questionnaire's personalData does not declare",
  },
  "survey.personal_unmarked": {
    "zh-CN":
      "题目 {question}「{title}」似乎在询问姓名或电话：请标记 personal 并在 personalData 中声明",
    "en-US":
      'question {question} ("{title}") seems to ask for a name or phone: mark it personal and declare it in personalData',
  },
  "survey.satisfaction_unknown_question": {
    "zh-CN": "满意度计算引用了不存在的题目 {question}",
    "en-US": "the satisfaction rate names the question {question}, which does not exist",
  },
  "survey.satisfaction_not_rating": {
    "zh-CN": "满意度计算引用的题目 {question} 不是量表题",
    "en-US": "the satisfaction rate names the question {question}, which is not a rating question",
  },
  "survey.satisfaction_duplicate": {
    "zh-CN": "满意度计算重复列出了题目 {question}",
    "en-US": "the satisfaction rate lists the question {question} twice",
  },
  "survey.satisfaction_scale_max": {
    "zh-CN":
      "按平均分计算满意度时各题量表的最高分须相同：题目 {question} 为 {max}，其他题为 {expected}",
    "en-US":
      "a mean-score satisfaction rate needs one top score: question {question} has {max}, the others {expected}",
  },
  "survey.answer_shape": { "zh-CN": "{problem}", "en-US": "{problem}" },
  "survey.answer_wrong_version": {
    "zh-CN": "答卷对应问卷第 {given} 版，当前问卷为第 {version} 版，请刷新后重新填写",
    "en-US":
      "the answer was given to version {given} of the questionnaire, which is now at version {version}; reload it",
  },
  "survey.answer_times": {
    "zh-CN": "提交时间 {submittedAt} 早于开始时间 {startedAt}",
    "en-US": "submitted at {submittedAt}, before it was started at {startedAt}",
  },
  "survey.answer_unknown_question": {
    "zh-CN": "问卷中没有题目 {question}（题目编号被修改？）",
    "en-US": "the questionnaire has no question {question} (a tampered id?)",
  },
  "survey.answer_wrong_type": {
    "zh-CN": "题目「{title}」（{question}）的答案应为{expected}",
    "en-US": 'question "{title}" ({question}): the answer must be {expected}',
  },
  "survey.answer_unknown_option": {
    "zh-CN": "题目「{title}」（{question}）没有选项 {key}（可选：{options}）",
    "en-US": 'question "{title}" ({question}) has no option {key} ({options})',
  },
  "survey.answer_repeated_option": {
    "zh-CN": "题目「{title}」（{question}）重复选择了选项 {key}",
    "en-US": 'question "{title}" ({question}): the option {key} is chosen twice',
  },
  "survey.answer_too_many": {
    "zh-CN": "题目「{title}」（{question}）最多选 {max} 项，选了 {count} 项",
    "en-US": 'question "{title}" ({question}): at most {max} choices, {count} given',
  },
  "survey.answer_not_a_number": {
    "zh-CN": "题目「{title}」（{question}）的答案“{value}”不是数字",
    "en-US": 'question "{title}" ({question}): "{value}" is not a number',
  },
  "survey.answer_not_integer": {
    "zh-CN": "题目「{title}」（{question}）的答案 {value} 应为整数",
    "en-US": 'question "{title}" ({question}): {value} must be a whole number',
  },
  "survey.answer_below_min": {
    "zh-CN": "题目「{title}」（{question}）的答案 {value} 小于下限 {min}",
    "en-US": 'question "{title}" ({question}): {value} is below the minimum {min}',
  },
  "survey.answer_above_max": {
    "zh-CN": "题目「{title}」（{question}）的答案 {value} 大于上限 {max}",
    "en-US": 'question "{title}" ({question}): {value} is above the maximum {max}',
  },
  "survey.answer_too_long": {
    "zh-CN": "题目「{title}」（{question}）的答案有 {length} 个字，超过上限 {max} 字",
    "en-US": 'question "{title}" ({question}): {length} characters, more than the {max} allowed',
  },
  "survey.answer_hidden": {
    "zh-CN": "题目「{title}」（{question}）按前面的回答不应显示，却有答案",
    "en-US": 'question "{title}" ({question}) is hidden by an earlier answer but was answered',
  },
  "survey.answer_required": {
    "zh-CN": "必答题「{title}」（{question}）未作答",
    "en-US": 'the required question "{title}" ({question}) is not answered',
  },
} as const satisfies Record<string, Bilingual>;
