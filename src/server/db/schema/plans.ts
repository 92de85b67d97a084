import { sql } from 'drizzle-orm';
import { bigint, check, date, index, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { recordColumns } from './columns';
import { groups } from './pipeline';
import { partners } from './services';
import { users } from './users';

export const NEED_AREAS = ['production', 'quality_standards', 'value_added', 'marketing', 'funding', 'management'] as const;

/** A group's needs analysis (DOMAIN.md §3 stage 4): its existence moves the group to "needs analysed". */
export const needsAnalyses = pgTable(
  'needs_analyses',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    ...recordColumns(),
    groupId: integer('group_id')
      .notNull()
      .references(() => groups.id),
    analysedOn: date('analysed_on').notNull(),
    summary: text('summary').notNull().default(''),
    createdBy: integer('created_by')
      .notNull()
      .references(() => users.id),
  },
  (t) => [index('needs_analyses_group_idx').on(t.groupId), index('needs_analyses_unit_idx').on(t.orgUnitCode)],
);

/** One problem and the need it gives, with a priority (1 highest). Replaced whole with its analysis. */
export const needItems = pgTable(
  'need_items',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    analysisId: integer('analysis_id')
      .notNull()
      .references(() => needsAnalyses.id),
    area: text('area', { enum: NEED_AREAS }).notNull(),
    problem: text('problem').notNull(),
    need: text('need').notNull(),
    priority: integer('priority').notNull(),
  },
  (t) => [index('need_items_analysis_idx').on(t.analysisId), check('need_items_priority', sql`${t.priority} between 1 and 3`)],
);

/** The center's development plan (แผนพัฒนา), short-term (one fiscal year) or long-term (several). */
export const developmentPlans = pgTable(
  'development_plans',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    ...recordColumns(),
    title: text('title').notNull(),
    term: text('term', { enum: ['short', 'long'] }).notNull(),
    firstYear: integer('first_year').notNull(),
    lastYear: integer('last_year').notNull(),
    goal: text('goal').notNull().default(''),
    createdBy: integer('created_by')
      .notNull()
      .references(() => users.id),
  },
  (t) => [
    index('development_plans_unit_idx').on(t.orgUnitCode, t.firstYear),
    check('development_plans_years', sql`${t.lastYear} >= ${t.firstYear}`),
    check('development_plans_short_is_one_year', sql`${t.term} = 'long' or ${t.lastYear} = ${t.firstYear}`),
  ],
);

/** A project of a plan: objectives, target groups, budget, partners, indicators and timeline. */
export const planProjects = pgTable(
  'plan_projects',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    ...recordColumns(),
    planId: integer('plan_id')
      .notNull()
      .references(() => developmentPlans.id),
    title: text('title').notNull(),
    objectives: text('objectives').notNull(),
    targetDescription: text('target_description').notNull().default(''),
    budgetSatang: bigint('budget_satang', { mode: 'bigint' }).notNull().default(sql`0`),
    indicators: text('indicators').notNull().default(''),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
  },
  (t) => [
    index('plan_projects_plan_idx').on(t.planId),
    check('plan_projects_budget', sql`${t.budgetSatang} >= 0`),
    check('plan_projects_timeline', sql`${t.endsOn} >= ${t.startsOn}`),
  ],
);

export const planProjectGroups = pgTable(
  'plan_project_groups',
  {
    projectId: integer('project_id')
      .notNull()
      .references(() => planProjects.id),
    groupId: integer('group_id')
      .notNull()
      .references(() => groups.id),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.groupId] }), index('plan_project_groups_group_idx').on(t.groupId)],
);

export const planProjectPartners = pgTable(
  'plan_project_partners',
  {
    projectId: integer('project_id')
      .notNull()
      .references(() => planProjects.id),
    partnerId: integer('partner_id')
      .notNull()
      .references(() => partners.id),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.partnerId] })],
);

/** A dated progress update of a project: append-only, so the history of a plan reads as it happened. */
export const projectUpdates = pgTable(
  'project_updates',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    projectId: integer('project_id')
      .notNull()
      .references(() => planProjects.id),
    orgUnitCode: text('org_unit_code').notNull(),
    updatedOn: date('updated_on').notNull(),
    progressPercent: integer('progress_percent').notNull(),
    note: text('note').notNull(),
    createdBy: integer('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('project_updates_project_idx').on(t.projectId, t.updatedOn),
    check('project_updates_percent', sql`${t.progressPercent} between 0 and 100`),
  ],
);

/** Lessons learned (DOMAIN.md §3 stage 9) for a fiscal year, or one quarter of it. */
export const lessons = pgTable(
  'lessons',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    ...recordColumns(),
    fiscalYear: integer('fiscal_year').notNull(),
    quarter: integer('quarter'),
    /** The plan the lessons look back on. */
    planId: integer('plan_id').references(() => developmentPlans.id),
    whatWorked: text('what_worked').notNull(),
    problems: text('problems').notNull(),
    changes: text('changes').notNull(),
    createdBy: integer('created_by')
      .notNull()
      .references(() => users.id),
  },
  (t) => [
    index('lessons_unit_year_idx').on(t.orgUnitCode, t.fiscalYear),
    check('lessons_quarter', sql`${t.quarter} is null or ${t.quarter} between 1 and 4`),
  ],
);

/** The lessons a (next year's) plan answers. */
export const planLessons = pgTable(
  'plan_lessons',
  {
    planId: integer('plan_id')
      .notNull()
      .references(() => developmentPlans.id),
    lessonId: integer('lesson_id')
      .notNull()
      .references(() => lessons.id),
  },
  (t) => [primaryKey({ columns: [t.planId, t.lessonId] }), index('plan_lessons_lesson_idx').on(t.lessonId)],
);
