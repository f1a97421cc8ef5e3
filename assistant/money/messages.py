"""Every piece of English the money package shows people, in one place, marked with N_().

The calculator and rate check return these ids with parameters; front ends translate
them. Placeholders: a bare Decimal is pounds, Percent a percentage, Quantity a number.
Keeping them here lets the i18n work extract and translate them without hunting.
"""

from __future__ import annotations

from assistant.values import N_

# --- Lines of the cost table (ids are stable; JSON uses the ids) -------------------------
LINE_LABELS = {
    "basic": N_("Basic pay"),
    "holiday": N_("Holiday pay"),
    "employer_ni": N_("Employer National Insurance"),
    "pension": N_("Workplace pension (employer)"),
    "sick_pay": N_("Statutory Sick Pay"),
    "insurance": N_("Insurance"),
    "payroll": N_("Payroll service"),
    "contingency": N_("Contingency"),
    "cover": N_("Extra cost of holiday cover"),
}
TOTAL = N_("Total cost to you as employer")
PER_HOUR = N_("Per hour of support")
#: A row of the cost table read out as a sentence (screen-reader mode).
SPOKEN_ROW = N_("{label}: {weekly} a week, {yearly} a year.")
SPOKEN_AMOUNT = N_("{label}: {amount}.")
WEEKLY = N_("A week")
YEARLY = N_("A year")
NI_BEFORE_ALLOWANCE = N_(
    "Employer National Insurance before the Employment Allowance: {amount} a week"
)
ALLOWANCE_USED = N_("Employment Allowance used: {amount} a year")
HEADING = N_("Cost of employing your PA, tax year {tax_year}")
ASSUMPTIONS = N_("What this is based on")
WARNINGS = N_("Please check")

# --- Assumptions -----------------------------------------------------------------------
YEAR_FROM_DATE = N_(
    "Figures for tax year {tax_year}, which started on {tax_year_starts}. Minimum wage "
    "rates for {wage_year}, which started on {wage_year_starts}."
)
YEAR_CHOSEN = N_("Figures for tax year {tax_year}, as you asked.")
SPREAD = N_("Pay is spread evenly over 52 weeks of support a year.")
HOLIDAY_IRREGULAR = N_(
    "Holiday pay is {rate} of pay, the rate for irregular hours. It pays for leave, and for "
    "cover staff who are also your employees, so support carries on all year."
)
HOLIDAY_WEEKS = N_(
    "Holiday is {weeks} weeks of paid leave a year, costed so that support carries on all year "
    "with cover staff who are also your employees."
)
COVER_SAME_RATE = N_(
    "Cover while your PA is on holiday is paid at the same hourly rate, through the holiday "
    "line. If cover costs more, for example from an agency, add the extra as cover."
)
COVER_GIVEN = N_("Extra cost of holiday cover: {amount} a year, as you said.")
EMPLOYEE_DEDUCTIONS = N_(
    "Income Tax, the PA's own National Insurance and their pension contribution come out of "
    "their gross pay, so they are not an extra cost to you."
)
PAYROLL_VARIES = N_(
    "National Insurance and pensions are worked out for each PA in each pay period, so a real "
    "payroll can differ in some weeks."
)
NI_RULE = N_("Employer National Insurance is {rate} of each PA's pay above {threshold} a week.")
NI_RELIEF = N_(
    "PA {number}: no employer National Insurance on pay up to {threshold} a year, because they "
    "are under 21, or an apprentice under 25."
)
EA_CLAIMED = N_(
    "The Employment Allowance takes up to {allowance} a year off employer National Insurance. "
    "You can claim it once as an employer: care and support employers can, if all of the PA's "
    "work is care and support for the person who needs it, who may not be the employer."
)
EA_NOT_CLAIMED = N_("No Employment Allowance: you said it is not being claimed.")
PENSION_DUE = N_(
    "PA {number}: pension at {rate} of earnings between {lower} and {upper} a week, because "
    "they are 22 or over, under State Pension age, and earn more than {trigger} a week."
)
PENSION_LOW_PAY = N_(
    "PA {number}: no pension cost, because they earn {trigger} a week or less. If they ask to "
    "join and earn more than {lower} a week, you must pay in too."
)
PENSION_AGE = N_(
    "PA {number}: no pension cost, because they are under 22 or over State Pension age. They "
    "can ask to join, and you may then have to pay in."
)
AGE_UNKNOWN = N_(
    "PA {number}: age not given, so they are taken to be 25 or over and under State Pension "
    "age. Tell us their age if they are younger or older."
)
APPRENTICE = N_(
    "PA {number} is an apprentice. The apprentice minimum wage applies only if they are under "
    "19 or in the first year of their apprenticeship."
)
PAYE = N_(
    "You must register with HMRC as an employer before the first payday, because a PA earns "
    "{limit} a week or more."
)
INSURANCE_DEFAULT = N_(
    "Insurance (employer's and public liability): {amount} a year. This is an example figure: "
    "use your own quote."
)
INSURANCE_GIVEN = N_("Insurance (employer's and public liability): {amount} a year, as you said.")
PAYROLL_DEFAULT = N_("Payroll service: {amount} a year. This is an example figure: use your own.")
PAYROLL_GIVEN = N_("Payroll service: {amount} a year, as you said.")
CONTINGENCY_DEFAULT = N_(
    "Contingency: {rate} of pay, less the sick pay line, set aside for maternity and paternity "
    "pay, redundancy, DBS checks and training. This is an example figure."
)
CONTINGENCY_GIVEN = N_(
    "Contingency: {rate} of pay, less the sick pay line, set aside for maternity and paternity "
    "pay, redundancy, DBS checks and training, as you said."
)
SICK_PAY = N_(
    "PA {number}: Statutory Sick Pay of {rate} a week while off sick (the lower of {flat} or "
    "{fraction} of their average pay), from the first day. Cover while they are off sick is "
    "paid from the basic pay line, at the same rate."
)
SICK_PAY_WAITING = N_(
    "PA {number}: Statutory Sick Pay of {rate} a week while off sick, after {waiting} waiting "
    "days. Cover while they are off sick is paid from the basic pay line, at the same rate."
)
SICK_PAY_NONE = N_(
    "PA {number}: no Statutory Sick Pay, because they earn less than {limit} a week."
)
SICK_DAYS_DEFAULT = N_(
    "Sick pay is costed for {days} days off sick a year, in one spell, in a five-day working "
    "week. This is an example figure, not a statistic: use your own."
)
SICK_DAYS_GIVEN = N_(
    "Sick pay is costed for {days} days off sick a year, in one spell, in a five-day working "
    "week, as you said."
)
FAMILY_PAY = N_(
    "Statutory maternity and paternity pay is mostly paid back by HMRC: {reclaim} of it, or "
    "{relief} under Small Employers' Relief if your employer National Insurance was {limit} or "
    "less in the last tax year."
)
ACCOMMODATION = N_(
    "PA {number} lives in: up to {offset} a day of accommodation counts towards the minimum "
    "wage ({days} days, {weekly} a week). So pay of {needed} an hour or more in money meets it."
)

# --- Warnings --------------------------------------------------------------------------
BELOW_MINIMUM = N_(
    "PA {number}: {rate} an hour is below the legal minimum of {minimum} an hour ({rate_name}, "
    "from {effective}). You must pay at least the minimum."
)
BELOW_AGE_RATE_APPRENTICE = N_(
    "PA {number}: {rate} an hour is below {minimum} an hour, the minimum for their age. That is "
    "allowed only while they are under 19 or in the first year of their apprenticeship."
)
UNCONFIRMED = N_("Not yet confirmed: {figure} ({source}). Check it before you rely on this result.")
ACCOMMODATION_MISSING = N_(
    "There is no accommodation offset figure for {wage_year}, so a live-in PA's accommodation "
    "is not counted towards the minimum wage here. Check it before you rely on this result."
)
YEAR_MISSING = N_(
    "There are no figures for tax year {wanted} yet, so the {tax_year} figures are used. "
    "Check them before you rely on this result."
)
RATE_NAMES = {
    "national_living_wage": N_("National Living Wage, 21 and over"),
    "nmw_18_20": N_("National Minimum Wage, ages 18 to 20"),
    "nmw_16_17": N_("National Minimum Wage, ages 16 and 17"),
    "nmw_apprentice": N_("apprentice rate"),
}
UPPER_SECONDARY_THRESHOLD = N_("National Insurance upper secondary threshold")
FIGURE_NAMES = {
    **RATE_NAMES,
    "employer_ni_rate": N_("employer National Insurance rate"),
    "ni_secondary_threshold_week": N_("National Insurance secondary threshold"),
    "ni_upper_secondary_threshold_year": UPPER_SECONDARY_THRESHOLD,
    "ni_lower_earnings_limit_week": N_("National Insurance Lower Earnings Limit"),
    "employment_allowance_year": N_("Employment Allowance"),
    "ae_trigger_week": N_("pension earnings trigger, weekly"),
    "ae_qualifying_earnings_lower_week": N_("pension qualifying earnings lower limit, weekly"),
    "ae_qualifying_earnings_upper_week": N_("pension qualifying earnings upper limit, weekly"),
    "ae_employer_rate": N_("minimum employer pension contribution"),
    "holiday_irregular_hours_rate": N_("holiday rate for irregular hours"),
    "statutory_holiday_weeks": N_("statutory holiday weeks"),
    "default_insurance_year": N_("example insurance cost"),
    "default_payroll_year": N_("example payroll cost"),
    "default_contingency_rate": N_("example contingency rate"),
    "ssp_weekly_rate": N_("Statutory Sick Pay weekly rate"),
    "ssp_earnings_fraction": N_("Statutory Sick Pay share of earnings"),
    "ssp_lower_earnings_limit_week": N_("Statutory Sick Pay earnings limit"),
    "ssp_waiting_days": N_("Statutory Sick Pay waiting days"),
    "default_sick_days_year": N_("example days off sick"),
    "default_working_days_week": N_("example working days a week"),
    "family_pay_reclaim_rate": N_("share of maternity and paternity pay paid back"),
    "small_employers_relief_rate": N_("Small Employers' Relief"),
    "small_employers_relief_ni_limit_year": N_("Small Employers' Relief limit"),
    "accommodation_offset_day": N_("accommodation offset"),
    # Age limits are named by the rule they set, in words that are already translated;
    # the warning also quotes the figure's source, which says what the age is for.
    "nmw_16_17_from_age": RATE_NAMES["nmw_16_17"],
    "nmw_18_20_from_age": RATE_NAMES["nmw_18_20"],
    "national_living_wage_from_age": RATE_NAMES["national_living_wage"],
    "employer_ni_relief_under_age": UPPER_SECONDARY_THRESHOLD,
    "apprentice_ni_relief_under_age": UPPER_SECONDARY_THRESHOLD,
    "auto_enrolment_from_age": LINE_LABELS["pension"],
}

# --- Direct-payment rate check ---------------------------------------------------------
RATE_SHORT = N_(
    "The council offers {offered_weekly} a week ({offered_hourly} an hour). The true cost is "
    "{cost_weekly} a week ({cost_hourly} an hour). That is {shortfall_weekly} a week short, or "
    "{shortfall_yearly} a year."
)
RATE_SHORT_MEANING = N_(
    "Unless the rate goes up, you may be asked to pay the difference yourself as a top-up, or "
    "you may not be able to buy all the support in your plan."
)
RATE_ENOUGH = N_(
    "The council offers {offered_weekly} a week ({offered_hourly} an hour). That covers the true "
    "cost of {cost_weekly} a week, with {spare_weekly} a week to spare."
)
#: The same checks for someone with no direct payment: the rate is the council's, not an offer.
RATE_SHORT_IF = N_(
    "At the council's rate ({offered_hourly} an hour, {offered_weekly} a week), you would be "
    "{shortfall_weekly} a week short of the true cost of {cost_weekly} ({cost_hourly} an hour): "
    "{shortfall_yearly} a year."
)
RATE_ENOUGH_IF = N_(
    "At the council's rate ({offered_hourly} an hour, {offered_weekly} a week), the true cost "
    "of {cost_weekly} would be covered, with {spare_weekly} a week to spare."
)
OFFER_HEADING = N_("The council's rate")
CASE_HEADING = N_("The case for a review")
CASE_POINTS = {
    "cssg_11_24": N_(
        "Your personal budget must be enough to meet your eligible needs, and you can challenge "
        "whether it is (statutory guidance, paragraph 11.24)."
    ),
    "cssg_11_25": N_(
        "The personal budget should reflect local market conditions and the cost of good local "
        "care, so that care meeting your needs can be bought for that amount (statutory "
        "guidance, paragraph 11.25)."
    ),
    "cssg_10_27": N_(
        "The council may think about its budget when deciding how to meet your needs, but not "
        "whether to meet them, and best value is not the same as the cheapest (statutory "
        "guidance, paragraph 10.27)."
    ),
    "care_act_s27": N_(
        "You can ask the council to review your care and support plan (Care Act 2014, section 27)."
    ),
    "nao_2016": N_(
        "In 2016 the National Audit Office found that some councils set direct payment rates "
        "below local prices, which left people paying top-ups."
    ),
}
EMPLOYER_COSTS_POINT = N_(
    "A rate that covers only the wage leaves out costs the law puts on every employer: holiday "
    "pay, sick pay, employer National Insurance above the allowance, and pension contributions. "
    "Whether a direct payment is enough should take the costs of being an employer into account "
    "(statutory guidance, paragraph 11.25)."
)
CITATION_UNCONFIRMED = N_("Not yet confirmed: {reference}. Check it before you rely on it.")
ADVICE = N_("Before you act, you may want to talk to an independent advocate or an advice service.")
REQUEST_HEADING = N_("A paragraph you can use to ask for a review")
REQUEST_PARAGRAPH = N_(
    "I am asking you to review my direct payment rate. My direct payment is {offered_weekly} a "
    "week for {hours} hours of support. Employing a personal assistant for those hours costs "
    "{cost_weekly} a week ({cost_hourly} an hour) once holiday pay, employer National "
    "Insurance, pension, insurance, payroll and a contingency are included; a breakdown is "
    "attached. That leaves a shortfall of {shortfall_weekly} a week ({shortfall_yearly} a "
    "year), which I would otherwise have to pay myself. The statutory guidance says my personal "
    "budget must be enough to meet my eligible needs (paragraph 11.24). It also says the budget "
    "should reflect the cost of good local care, and that a direct payment should cover the "
    "costs of being an employer (paragraph 11.25). Please review the rate and tell me your "
    "decision and your reasons in writing."
)

# --- Command line ----------------------------------------------------------------------
CLI_HELP = N_("Work out the true cost of employing a personal assistant (PA).")
CLI_VALUE_OPTIONS = {
    "--hourly-rate": N_("the PA's hourly rate in pounds, for example 13.50"),
    "--hours": N_("hours of support a week, up to 168"),
    "--offered-rate": N_("the council's direct payment rate per hour"),
    "--offered-weekly": N_("the council's direct payment per week"),
    "--age": N_("the PA's age in years (if not given: 25 or over)"),
    "--year": N_("tax year, such as 2026-27 (if not given: from the date)"),
    "--date": N_("date of the calculation, YYYY-MM-DD (if not given: today)"),
    "--insurance-yearly": N_("insurance cost a year (if not given: an example figure)"),
    "--payroll-yearly": N_("payroll service cost a year (if not given: an example figure)"),
    "--contingency": N_("contingency as a share of pay, such as 5% or 0.05"),
    "--cover-yearly": N_("extra cost of holiday cover a year, such as an agency's extra charge"),
    "--sick-days": N_("days off sick a year to cost Statutory Sick Pay for (if not given: 5)"),
    "--live-in-days": N_("days a week a live-in PA has accommodation from you, 0 to 7"),
    "--holiday": N_("irregular-hours (the usual choice) or 5.6-weeks"),
}
CLI_FLAGS = {
    "--apprentice": N_("the PA is an apprentice"),
    "--over-state-pension-age": N_("the PA is over State Pension age"),
    "--no-employment-allowance": N_("the Employment Allowance is used elsewhere or not claimed"),
    "--json": N_("print the result as JSON"),
}
CLI_LANG_HELP = N_(
    "language of the words, money and dates: en, cy or pl (others: money and dates only)"
)
CLI_ONE_OFFER = N_("Please give either --offered-rate or --offered-weekly, not both.")
CLI_NEEDS = N_("Please give {option}, for example {example}.")
CLI_BAD_OPTION = N_("{option}: {problem}")
CLI_BAD_LANG = N_("Please give a language code such as en, cy or pl.")
CLI_BAD_HOLIDAY = N_("Please choose irregular-hours or 5.6-weeks.")
CLI_ARGUMENT = N_("Please check the options: {problem}. Try: support-plan cost --help")
