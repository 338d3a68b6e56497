//! Enumerated values of docs/rules.md §3: each has a code name (stored in the
//! database, used in the CLI and JSON), a Chinese name and an English label.
//! `parse` accepts any of the three, case-insensitively, plus a few aliases.

/// Declares a code enum with its code, Chinese and English names and aliases.
macro_rules! code_enum {
    ($(#[$meta:meta])* $name:ident { $($variant:ident => $code:literal, $zh:literal, $en:literal $(, [$($alias:literal),*])?;)+ }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $($variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The code name stored in the database and used by the CLI and JSON.
            pub fn code(self) -> &'static str {
                match self { $($name::$variant => $code),+ }
            }
            /// The Simplified Chinese name shown in the UI.
            pub fn zh(self) -> &'static str {
                match self { $($name::$variant => $zh),+ }
            }
            /// The English label shown with `--lang en`.
            pub fn en(self) -> &'static str {
                match self { $($name::$variant => $en),+ }
            }
            /// Name in the UI language (`zh` when `chinese`).
            pub fn label(self, chinese: bool) -> &'static str {
                if chinese { self.zh() } else { self.en() }
            }
            /// Accepts the code name, the Chinese name, the English label or an alias.
            pub fn parse(text: &str) -> Option<$name> {
                let t = text.trim();
                $(
                    if t.eq_ignore_ascii_case($code) || t == $zh || t.eq_ignore_ascii_case($en)
                        $($(|| t.eq_ignore_ascii_case($alias))*)? {
                        return Some($name::$variant);
                    }
                )+
                None
            }
            /// All accepted spellings, for error messages.
            pub fn choices() -> String {
                let v: Vec<String> = Self::ALL.iter().map(|x| format!("{}/{}", x.code(), x.zh())).collect();
                v.join(", ")
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.code())
            }
        }
    };
}

pub(crate) use code_enum;

code_enum!(
    /// Gender (性别).
    Gender {
        Male => "male", "男", "Male", ["m", "男性"];
        Female => "female", "女", "Female", ["f", "女性"];
    }
);

code_enum!(
    /// School stage (学段).
    Stage {
        Kindergarten => "kindergarten", "幼儿园", "Kindergarten", ["学前", "幼儿"];
        Primary => "primary", "小学", "Primary";
        Junior => "junior", "初中", "Junior secondary", ["junior high"];
        Senior => "senior", "高中", "Senior secondary", ["senior high"];
        Vocational => "vocational", "职业", "Vocational", ["职高", "中职", "职业教育"];
        Special => "special", "特殊教育", "Special education", ["特教", "special education"];
    }
);

code_enum!(
    /// Teacher growth tier (五型教师).
    Tier {
        Rising => "rising", "教坛新秀", "Rising teacher", ["新秀"];
        Qualified => "qualified", "合格教师", "Qualified", ["合格"];
        Backbone => "backbone", "骨干教师", "Backbone", ["骨干"];
        Renowned => "renowned", "名优教师", "Renowned", ["名优"];
        Eminent => "eminent", "卓越型教师", "Eminent", ["卓越", "卓越教师", "教育家型教师"];
    }
);

code_enum!(
    /// Training level (国培/市培/区培/校培).
    Level {
        National => "national", "国培", "National", ["国家级", "国培计划"];
        Municipal => "municipal", "市培", "Municipal", ["市级", "省市级"];
        District => "district", "区培", "District", ["区级", "区县级", "县级", "区县培"];
        School => "school", "校培", "School", ["校级", "校本", "校本培训"];
    }
);

code_enum!(
    /// The seven action plans (七项计划).
    Plan {
        ContinuingEducation => "continuing_education", "继续教育优化升级", "Continuing education", ["继续教育"];
        PrincipalLeadership => "principal_leadership", "校园长能力提升", "Principal leadership", ["校园长"];
        Starlight => "starlight", "星光燎原", "Starlight", ["星光", "星光讲师团"];
        ShortageSubjects => "shortage_subjects", "紧缺学科", "Shortage subjects";
        Vocational => "vocational", "职业教育", "Vocational education";
        SpecialEducation => "special_education", "特殊教育", "Special education";
        RegionalCollaboration => "regional_collaboration", "协同创新", "Regional collaboration";
    }
);

code_enum!(
    /// Attendance status of a mark (出勤状态).
    Status {
        Present => "present", "出勤", "Present", ["签到", "到"];
        Late => "late", "迟到", "Late";
        LeftEarly => "left_early", "早退", "Left early", ["left early"];
        Absent => "absent", "旷课", "Absent", ["缺勤", "truant"];
        Excused => "excused", "请假", "Excused", ["leave"];
    }
);

code_enum!(
    /// A teacher's employment status (在职状态): only active teachers are offered at the desk
    /// and can be enrolled or checked in.
    TeacherStatus {
        Active => "active", "在职", "Active", ["在岗"];
        Transferred => "transferred", "调离", "Transferred out", ["已调离", "transferred out"];
        Retired => "retired", "退休", "Retired", ["已退休"];
        Left => "left", "离职", "Left", ["已离职"];
    }
);

impl TeacherStatus {
    /// Is the teacher in service (offered at the desk, can be enrolled and checked in)?
    pub fn is_active(self) -> bool {
        self == TeacherStatus::Active
    }
}

code_enum!(
    /// Starlight trainer status.
    TrainerStatus {
        Candidate => "candidate", "培养对象", "Candidate", ["候选"];
        Training => "training", "培养中", "In training";
        Certified => "certified", "认定讲师", "Certified", ["已认定"];
        Retired => "retired", "退出", "Retired", ["已退出"];
    }
);

code_enum!(
    /// The six competencies (六能).
    Competency {
        Design => "design", "能设计", "Design", ["设计"];
        Organize => "organize", "能组织", "Organize", ["组织"];
        Teach => "teach", "能教学", "Teach", ["教学"];
        Guide => "guide", "能指导", "Guide", ["指导"];
        Evaluate => "evaluate", "能评价", "Evaluate", ["评价"];
        Research => "research", "能研究", "Research", ["研究"];
    }
);

code_enum!(
    /// Follow-up kinds (培训后续).
    FollowUpKind {
        ReportBack => "report_back", "汇报分享", "Report-back";
        Forum => "forum", "论坛交流", "Forum";
        TransplantLesson => "transplant_lesson", "移植课", "Transplant lesson", ["上移植课"];
        Observation => "observation", "听评课", "Observation", ["入校跟踪"];
    }
);

code_enum!(
    /// Follow-up status; "overdue" is derived, never stored.
    FollowUpStatus {
        Pending => "pending", "待完成", "Pending";
        Done => "done", "已完成", "Done";
        Evaluated => "evaluated", "已评价", "Evaluated";
    }
);

code_enum!(
    /// Rating of a follow-up lesson.
    Rating {
        Excellent => "excellent", "优秀", "Excellent";
        Good => "good", "良好", "Good";
        Pass => "pass", "合格", "Pass";
        Fail => "fail", "不合格", "Fail";
    }
);

code_enum!(
    /// Part of the day of a session.
    DayPart {
        Morning => "morning", "上午", "Morning";
        Afternoon => "afternoon", "下午", "Afternoon";
        Evening => "evening", "晚上", "Evening";
    }
);

/// Parses a boolean as docs/rules.md §6 accepts it.
pub fn parse_bool(text: &str) -> Option<bool> {
    match text.trim().to_ascii_lowercase().as_str() {
        "true" | "yes" | "1" | "是" | "y" | "t" => Some(true),
        "false" | "no" | "0" | "否" | "n" | "f" => Some(false),
        _ => None,
    }
}

// Every match on `Status` in the domain is exhaustive (no `_` arm, no `matches!`): a new
// status does not compile until each rule has decided about it (docs/architecture.md,
// "Adding an attendance status").
impl Status {
    /// Does this status cause a one-vote veto (docs/rules.md §4.2)?
    pub fn causes_veto(self) -> bool {
        match self {
            Status::Late | Status::LeftEarly | Status::Absent => true,
            Status::Present | Status::Excused => false,
        }
    }
    /// Does this status say the teacher came to the session (present, late, left early)?
    /// Whether the mark counts as attended also depends on how long the teacher was there:
    /// `attendance::Presence::attended` is that rule.
    pub fn arrived(self) -> bool {
        match self {
            Status::Present | Status::Late | Status::LeftEarly => true,
            Status::Absent | Status::Excused => false,
        }
    }
    /// Is this leave, registered with its reason and possibly before the session's day
    /// (docs/rules.md §4.1)? Only leave needs a reason by itself and may be marked ahead.
    pub fn is_leave(self) -> bool {
        match self {
            Status::Excused => true,
            Status::Present | Status::Late | Status::LeftEarly | Status::Absent => false,
        }
    }
}

impl TrainerStatus {
    /// Who a trainer picker offers (session trainer, follow-up observer): `Some(0)` first;
    /// a retired trainer is not offered (`None`) unless asked for, then `Some(1)`, after the
    /// others. The one rule for every trainer picker.
    pub fn offered(self, include_retired: bool) -> Option<u8> {
        match (self == TrainerStatus::Retired, include_retired) {
            (false, _) => Some(0),
            (true, true) => Some(1),
            (true, false) => None,
        }
    }
}

impl DayPart {
    /// Default times of a half-day block.
    pub fn default_times(self) -> (&'static str, &'static str) {
        match self {
            DayPart::Morning => ("08:30", "11:30"),
            DayPart::Afternoon => ("14:00", "17:00"),
            DayPart::Evening => ("19:00", "21:00"),
        }
    }
    /// The part of the day a start time falls in.
    pub fn of_start(time: chrono::NaiveTime) -> DayPart {
        use chrono::Timelike;
        match time.hour() {
            0..=11 => DayPart::Morning,
            12..=17 => DayPart::Afternoon,
            _ => DayPart::Evening,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_code_chinese_english_and_alias() {
        assert_eq!(Tier::parse("backbone"), Some(Tier::Backbone));
        assert_eq!(Tier::parse("骨干教师"), Some(Tier::Backbone));
        assert_eq!(Tier::parse(" BACKBONE "), Some(Tier::Backbone));
        assert_eq!(Tier::parse("骨干"), Some(Tier::Backbone));
        assert_eq!(Tier::parse("特级教师"), None);
        assert_eq!(Stage::parse("大学"), None);
        assert_eq!(Stage::parse("小学"), Some(Stage::Primary));
        assert_eq!(Status::parse("Left_Early"), Some(Status::LeftEarly));
        assert_eq!(Status::parse("旷课"), Some(Status::Absent));
        assert_eq!(Gender::parse("女"), Some(Gender::Female));
        assert_eq!(Plan::parse("星光燎原"), Some(Plan::Starlight));
        assert_eq!(Level::parse("国培"), Some(Level::National));
        assert_eq!(Level::parse("区级"), Some(Level::District));
        assert_eq!(Level::parse("校级"), Some(Level::School));
        assert_eq!(Plan::parse("星光"), Some(Plan::Starlight));
        assert_eq!(
            TeacherStatus::parse("调离"),
            Some(TeacherStatus::Transferred)
        );
        assert_eq!(TeacherStatus::parse("已退休"), Some(TeacherStatus::Retired));
        assert_eq!(TeacherStatus::parse("Left"), Some(TeacherStatus::Left));
        assert_eq!(TeacherStatus::parse("在职"), Some(TeacherStatus::Active));
        assert_eq!(TeacherStatus::parse("休假"), None);
        assert!(!TeacherStatus::Retired.is_active());
    }

    #[test]
    fn veto_and_attendance_classes() {
        assert!(Status::Late.causes_veto());
        assert!(Status::LeftEarly.causes_veto());
        assert!(Status::Absent.causes_veto());
        assert!(!Status::Excused.causes_veto());
        assert!(!Status::Present.causes_veto());
        assert!(Status::LeftEarly.arrived());
        assert!(!Status::Excused.arrived());
        assert!(!Status::Absent.arrived());
    }

    #[test]
    fn trainer_pickers_offer_retired_trainers_only_when_asked_and_last() {
        assert_eq!(TrainerStatus::Certified.offered(false), Some(0));
        assert_eq!(TrainerStatus::Candidate.offered(true), Some(0));
        assert_eq!(TrainerStatus::Retired.offered(false), None);
        assert_eq!(TrainerStatus::Retired.offered(true), Some(1));
    }

    #[test]
    fn booleans() {
        assert_eq!(parse_bool("是"), Some(true));
        assert_eq!(parse_bool("No"), Some(false));
        assert_eq!(parse_bool("maybe"), None);
    }
}
