import { featureKeys } from './records';

/** The query keys of every feature, in one place so a save can name what else it changes without importing that feature. */
export const wisdomKeys = featureKeys('wisdom');
export const peopleKeys = featureKeys('people');
export const groupsKeys = featureKeys('groups');
export const producersKeys = featureKeys('producers');
export const productsKeys = featureKeys('products');
export const certificationsKeys = featureKeys('certifications');
export const servicesKeys = featureKeys('services');
export const tripsKeys = featureKeys('outreach-trips');
export const partnersKeys = featureKeys('partners');
export const worklogKeys = featureKeys('worklog');
export const activitiesKeys = featureKeys('activities');
export const needsKeys = featureKeys('needs');
export const plansKeys = featureKeys('plans');
export const projectsKeys = featureKeys('plan-projects');
export const lessonsKeys = featureKeys('lessons');
export const salesKeys = featureKeys('sales');
export const fundingKeys = featureKeys('funding');
export const outcomesKeys = featureKeys('outcomes');
export const requestsKeys = featureKeys('requests');
export const referralsKeys = featureKeys('referrals');
export const meetingsKeys = featureKeys('meetings');
export const resolutionsKeys = featureKeys('resolutions');
export const postsKeys = featureKeys('posts');
export const pipelineKeys = featureKeys('pipeline');
export const budgetKeys = featureKeys('budget');
export const advancesKeys = featureKeys('advances');
export const delegationsKeys = featureKeys('delegations');
export const usersKeys = featureKeys('users');
export const tokensKeys = featureKeys('tokens');
export const auditKeys = featureKeys('audit');
export const tasksKeys = featureKeys('tasks');
export const orgUnitKeys = featureKeys('org-unit');
export const documentKeys = featureKeys('documents');
export const committeesKeys = featureKeys('committees');
export const committeeExceptionsKeys = featureKeys('committee-exceptions');
export const centerProfileKeys = featureKeys('center-profile');
export const reportsKeys = featureKeys('reports');
export const quarterLocksKeys = featureKeys('quarter-locks');
export const workplanKeys = featureKeys('workplan');
export const indicatorsKeys = featureKeys('indicators');
export const dashboardsKeys = featureKeys('dashboards');

/** What a change to any pipeline record can move: the funnel, the home tasks and the group pages that list it. */
export const PIPELINE_VIEWS = [pipelineKeys.all, tasksKeys.all, groupsKeys.all];
