//! Words of the demo's projects: titles by plan, session topics, venues,
//! follow-up titles and feedback comments.

pub const LEVELS: &[&str] = &["national", "municipal", "district", "school"];
pub const LEVEL_WEIGHTS: &[u32] = &[8, 17, 50, 25];
/// Code letters of each level in project codes like 2025-QP-007.
pub const LEVEL_CODES: &[&str] = &["GP", "SP", "QP", "XP"];
pub const LEVEL_PREFIX: &[&str] = &["“国培计划”——", "重庆市", "潼南区", ""];

pub const PLANS: &[&str] = &[
    "continuing_education",
    "principal_leadership",
    "starlight",
    "shortage_subjects",
    "vocational",
    "special_education",
    "regional_collaboration",
];
pub const PLAN_WEIGHTS: &[u32] = &[30, 10, 15, 15, 10, 8, 12];

/// Title themes per plan (same order as `PLANS`). `{s}` = stage name, `{k}` = subject.
pub fn themes(plan: usize) -> &'static [&'static str] {
    match plan {
        0 => &[
            "{s}{k}新课标大单元教学设计研修班",
            "{s}{k}作业设计与评价专题培训",
            "{s}{k}课堂教学改进工作坊",
            "新入职教师规范化培训",
            "班主任专业能力提升培训",
            "教师数字素养提升专题培训",
        ],
        1 => &[
            "中小学校长办学治校能力提升研修班",
            "幼儿园园长保教管理能力提升培训",
            "新任校长任职资格培训",
            "学校中层干部领导力提升培训",
        ],
        2 => &[
            "星光讲师团培训者能力提升研修",
            "星光讲师团“送教下乡”活动",
            "星光讲师团课程开发工作坊",
            "星光讲师团微课制作与线上研修指导",
        ],
        3 => &[
            "心理健康教育教师专项培训",
            "科学教师实验教学能力提升培训",
            "体育与健康教师专项培训",
            "美育教师艺术素养提升培训",
            "信息科技教师编程教学培训",
            "劳动教育教师专项培训",
        ],
        4 => &[
            "职业院校“双师型”教师能力提升培训",
            "中职专业课教师企业实践",
            "职业院校教师教学能力比赛备赛培训",
            "中职专业教学标准解读培训",
        ],
        5 => &[
            "融合教育资源教师专项培训",
            "特殊教育教师康复技能培训",
            "随班就读指导教师培训",
            "孤独症儿童教育干预专题培训",
        ],
        _ => &[
            "潼南—合川—铜梁教研联盟协同研修",
            "成渝地区双城经济圈教师协同发展培训",
            "城乡学校结对帮扶跟岗研修",
            "遂潼一体化教师交流研修",
        ],
    }
}

/// Session topics per plan.
pub fn topics(plan: usize) -> &'static [&'static str] {
    match plan {
        0 => &[
            "新课程标准解读",
            "大单元教学设计",
            "学习任务群设计与实施",
            "作业设计与评价",
            "课例观摩与研讨",
            "核心素养导向的课堂评价",
            "信息技术与学科教学融合",
            "分组磨课与展示",
        ],
        1 => &[
            "学校发展规划的制定",
            "现代学校治理",
            "校园安全管理",
            "教师队伍建设",
            "课程领导力",
            "名校跟岗考察",
        ],
        2 => &[
            "培训课程设计",
            "参与式培训组织",
            "培训者的教学艺术",
            "如何指导青年教师",
            "培训效果评价",
            "小课题研究方法",
            "送教示范课与说课",
        ],
        3 => &[
            "学科前沿与教材分析",
            "实验教学与探究活动",
            "课堂示范与评课",
            "跨学科主题学习",
            "专业技能实训",
        ],
        4 => &[
            "岗课赛证融通",
            "企业岗位实践",
            "专业教学标准解读",
            "实训教学设计",
            "教学能力比赛说课",
        ],
        5 => &[
            "融合教育理念与政策",
            "个别化教育计划（IEP）",
            "康复训练技术",
            "行为问题的干预",
            "资源教室的使用",
        ],
        _ => &[
            "联合教研与同课异构",
            "跨区域课例研讨",
            "结对学校经验交流",
            "专家讲座与互动",
        ],
    }
}

pub const VENUES: &[&str] = &[
    "潼南区教师进修学校报告厅",
    "区教师发展中心301教室",
    "区教师发展中心多功能厅",
    "潼南区第一中学学术报告厅",
    "潼南区实验小学录播教室",
    "潼南职业教育中心实训楼",
];

pub const MANUAL_COURSES: &[(&str, f64, bool)] = &[
    ("国家中小学智慧教育平台暑期教师研修", 10.0, false),
    ("国家中小学智慧教育平台寒假教师研修", 10.0, false),
    ("重庆市中小学教师继续教育网络研修", 24.0, false),
    ("潼南区校本研修学分认定", 12.0, false),
    ("市级骨干教师集中研修（外出）", 16.0, true),
];

pub const FOLLOW_UP_KINDS: &[&str] = &["report_back", "forum", "transplant_lesson", "observation"];
/// Default due offsets in days, as `domain::follow_up::default_due_days`.
pub const FOLLOW_UP_DUE: &[i64] = &[14, 30, 60, 90];
pub const FOLLOW_UP_TITLES: &[&str] = &["返岗汇报分享", "校本论坛交流", "移植课展示", "入校听评课"];
pub const FOLLOW_UP_NOTES: &[&str] = &[
    "能将培训所学迁移到课堂，学生参与度高",
    "教学设计完整，评价任务还需细化",
    "分享内容具体，带动了教研组研讨",
    "课堂节奏把握较好，建议加强分层作业",
    "",
];
pub const RATINGS: &[&str] = &["excellent", "good", "pass", "fail"];
pub const RATING_WEIGHTS: &[u32] = &[30, 45, 22, 3];

pub const FEEDBACK: &[&str] = &[
    "专家讲座很接地气，案例贴近我们的课堂",
    "希望增加分组实操的时间",
    "课程安排紧凑，收获很大",
    "建议提前发放学习资料",
    "跟岗学习环节很有帮助",
    "场地有点拥挤，午休时间偏短",
    "希望以后多组织送教下乡",
    "",
];
