/**
 * Who sees the 指标 menu entry: anyone holding a permission some registered indicator needs
 * (adminReview.indicators, litigation.read, …). The server decides which figures each user gets; the page
 * says so when none are left.
 */
export const indicatorPermissions = ['adminReview.indicators', 'adminReview.read', 'litigation.read', 'indicator.read', 'dashboard.view', 'indicator.assessment.read'];

export const canSeeIndicators = (can: (permission?: string) => boolean) => indicatorPermissions.some((p) => can(p));
