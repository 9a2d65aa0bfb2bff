// Risk level suggestion per event: the public surface of src/analyse/risk.
export { assessRisk, CONCERN_NEGATIVE_SHARE, MAX_HARM_POINTS, RISK_THRESHOLDS, type RiskAssessment, type RiskInput, type RiskLevel } from "./assess-risk";
export { findHarms, HARM_CATEGORIES, HARM_POINTS, HARM_TERMS, SUBJECT_CATEGORIES, type HarmCategory, type HarmMatch } from "./harm-terms";
