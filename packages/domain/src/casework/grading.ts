import { gradeFor, type Grade, type GradeRuleTable } from '../integrity/assessment';

/**
 * 评级 (issue 6): the rule table suggests a grade from the cycle's points; the reviewer confirms it or chooses another
 * and then must say why. A B grade carries the continuing-education obligation (domain.md §5.4, §6).
 */
export interface GradingDecision {
  grade: Grade;
  suggested: Grade;
  overridden: boolean;
  continuingEducationRequired: boolean;
}

export function decideGrade(totalPoints: number, chosen: Grade, reason: string | undefined, rules?: GradeRuleTable): GradingDecision | { error: string } {
  const suggested = gradeFor(totalPoints, rules);
  const overridden = chosen !== suggested;
  if (overridden && !reason?.trim()) return { error: `所选等级与按计分建议的等级（${suggested}）不同，请写明理由` };
  return { grade: chosen, suggested, overridden, continuingEducationRequired: chosen === 'B' };
}
