package dev.mint.bench.minima;

import java.util.List;

/**
 * Short synthetic documents (news items, meeting notes, incident reports, feedback threads, abstracts,
 * e-mails) built from sentence banks, for the tasks that work on a given text.
 */
final class Documents {
    private Documents() {
    }

    enum Kind {
        NEWS("news article"), MEETING("set of meeting notes"), INCIDENT("incident report"),
        FEEDBACK("batch of customer reviews"), ABSTRACT("research abstract"), EMAIL("e-mail thread"),
        POLICY("policy update");

        final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    private static final List<String> NEWS = List.of(
            "{body1} announced on {weekday} that it will go ahead with {topic1} in {city1}.",
            "The plan is expected to cost {million} and to be completed by {month} {year}.",
            "Supporters say it will create about {big} jobs over the next five years.",
            "Critics, including local councillor {person1}, argued that residents were not consulted early enough.",
            "A survey by {org2} found that {percent} of respondents were in favour, while a third had no opinion.",
            "The decision follows two years of debate and a public consultation that received {big} responses.",
            "{person2}, who leads the project, said the first phase would start in the spring.",
            "Opposition parties have called for an independent review of the costs.",
            "Similar schemes in {city2} and {city3} have produced mixed results, according to a report published last year.",
            "Business owners in the area fear that construction work will reduce the number of visitors.",
            "The national government has promised to cover up to {percent} of the costs.",
            "Environmental groups welcomed the move but said it did not go far enough.",
            "A final vote is scheduled for {date}.",
            "Residents can comment on the detailed plans online until the end of {month}.",
            "{body1} said it had learned from earlier delays and would publish monthly progress reports.",
            "Some economists warned that rising construction prices could push the budget up by a fifth.",
            "Local schools will be invited to take part in an information programme about the changes.",
            "The announcement was made at a press conference attended by around {num} journalists.");
    private static final List<String> MEETING = List.of(
            "Attendees: {person1}, {person2}, {person3} and {person4}; {person5} sent apologies.",
            "{person1} opened the meeting and reviewed the action items from the previous week.",
            "The migration of the {service1} is two weeks behind schedule because of missing test data.",
            "{person2} proposed moving the release to {date}; the group agreed provided QA signs off by {weekday}.",
            "Budget: {team1} has spent {percent} of its quarterly allocation, mainly on contractors.",
            "{person3} raised concerns about on-call load, with {num} pages in the last fortnight.",
            "Decision: the team will freeze new feature work for one sprint to address reliability issues.",
            "{person4} will draft a proposal for the new onboarding process and circulate it before the next meeting.",
            "The customer workshop in {city1} was well received; two customers asked for a follow-up session.",
            "Hiring: two candidates are in the final round for the senior engineer role.",
            "Open question: whether to renew the licence for the monitoring tool or switch to an open-source alternative.",
            "{person1} reminded everyone that quarterly reviews are due on {date}.",
            "Action: {person2} to confirm the new release date with {team2} by {weekday}.",
            "Action: {person3} to collect on-call statistics and propose a new rota.",
            "The next meeting is moved to {weekday} at {time} because of the public holiday.",
            "No objections were raised to the revised data retention policy.",
            "{person5} sent written comments asking for the security review to happen before, not after, the release.");
    private static final List<String> INCIDENT = List.of(
            "At {time} UTC on {date}, the {service1} began returning errors for about {percent} of requests.",
            "Monitoring alerted the on-call engineer, {person1}, {num} minutes after the first errors.",
            "The cause was a configuration change that reduced the connection pool of the {service2} from 50 to 5.",
            "The change had been reviewed, but the review did not include the load-test results.",
            "Customers in {city1} and {city2} were affected most, since their traffic peaks at that time.",
            "{person1} rolled back the change {num} minutes later, and error rates returned to normal within ten minutes.",
            "Roughly {big} orders failed and had to be retried; no data was lost.",
            "Support received {num} tickets during the incident and answered them with a status page link.",
            "The status page was updated late, about 40 minutes after the start of the incident.",
            "Follow-up action: add an automated check that rejects connection pool sizes below 20.",
            "Follow-up action: include load-test results in the review template for configuration changes.",
            "Follow-up action: {team1} will rehearse the status page process in the next game day.",
            "A similar incident happened in {month}, but its follow-up actions were not completed.",
            "The total duration of customer impact was 1 hour and {num} minutes.",
            "The post-incident review was held on {date} with {team1} and {team2}.",
            "No security impact was found, and no personal data was exposed.");
    private static final List<String> FEEDBACK = List.of(
            "Review 1 (4/5): I bought {product1} last month and it works well, but setup took far longer than promised.",
            "Review 2 (5/5): Excellent value, arrived two days early and the build quality feels premium.",
            "Review 3 (2/5): The battery lasts half of what the description says, and support took a week to reply.",
            "Review 4 (4/5): Does exactly what I needed. The instructions could be clearer, especially the diagrams.",
            "Review 5 (1/5): It stopped working after three weeks and the return process was confusing.",
            "Review 6 (3/5): Decent, but the app that goes with it crashes on older phones.",
            "Review 7 (5/5): My second one; I gave the first to my sister and she loves it too.",
            "Review 8 (4/5): Quiet, light and easy to clean. I would have liked more colour options.",
            "Review 9 (2/5): Packaging was damaged and one part was missing, though a replacement came quickly.",
            "Review 10 (3/5): Fine for the price. Don't expect professional quality.",
            "Review 11 (5/5): The customer service team in {city1} sorted out my problem in one phone call.",
            "Review 12 (1/5): Much heavier than the photos suggest, and it scratches easily.",
            "Review 13 (4/5): Works with everything else I own; the firmware update fixed the connection drops.",
            "Review 14 (2/5): The price went up by {percent} a week after I bought it, then down again. Annoying.");
    private static final List<String> ABSTRACT = List.of(
            "Background: Variability between technical replicates limits the sensitivity of high-throughput screening assays.",
            "We evaluated {num} plate normalisation methods on {big} compounds screened in 384-well format.",
            "Plates were run in duplicate across three sites, including a laboratory in {city1}.",
            "Robust z-score normalisation reduced the coefficient of variation by {percent} relative to raw signals.",
            "Edge effects accounted for most of the remaining variance, particularly in columns 1 and 24.",
            "A spatial correction based on local regression further improved hit reproducibility between sites.",
            "The false discovery rate at the chosen threshold was estimated at {percent}.",
            "Results were consistent across two detector models, although one showed drift over long runs.",
            "Limitations include the use of a single cell line and the absence of orthogonal confirmation assays.",
            "We provide an open-source implementation and the full data set to support replication.",
            "These findings suggest that spatial correction should be routine in screening pipelines.",
            "Funding was provided by {org1}; the authors declare no competing interests.",
            "Methods: signals were log-transformed and outlier wells were flagged using the median absolute deviation.",
            "Hit calling used a threshold of three robust standard deviations from the plate median.");
    private static final List<String> EMAIL = List.of(
            "From {person1}: Hi all, the shipment of {item1} from {org1} is delayed until {date}.",
            "From {person2}: That affects the training sessions in {city1}; can we borrow stock from the {city2} office?",
            "From {person1}: Possibly, but they only have about {num} units left.",
            "From {person3}: I can ask {org2} for an emergency delivery, though it would cost an extra {amount}.",
            "From {person2}: Let's do that if the finance team agrees. {person4}, can you approve it?",
            "From {person4}: Approved up to the amount mentioned, but please get a written quote first.",
            "From {person3}: Quote requested. They promise delivery within three working days.",
            "From {person1}: Great. I'll update the training schedule and let participants know on {weekday}.",
            "From {person5}: Sorry to jump in late, but two of the sessions clash with the audit on {date}.",
            "From {person2}: Good catch; we'll move those two sessions to the following week.",
            "From {person4}: Please also record the delay in the supplier performance log.",
            "From {person1}: Done. I've also asked {org1} for a credit note for the late delivery.");
    private static final List<String> POLICY = List.of(
            "From {date}, all staff must use the new expense system for claims above {amount}.",
            "Claims must be submitted within 30 days of the expense, with a photo of the original receipt.",
            "Travel by train is preferred for journeys under five hours, including trips between {city1} and {city2}.",
            "Hotel bookings should be made through the approved agency unless the rate found elsewhere is at least {percent} lower.",
            "Managers must approve or reject claims within ten working days.",
            "Claims for alcohol, personal entertainment and fines will not be reimbursed.",
            "Employees working remotely can claim a monthly allowance for internet costs.",
            "The allowance replaces the previous scheme, which reimbursed actual costs.",
            "Exceptions require written approval from {team1}.",
            "Repeated late submissions may be reported to the employee's line manager.",
            "Questions about the policy should be sent to {person1} in {team1}.",
            "The policy will be reviewed after six months, based on feedback from staff and managers.",
            "Mileage for private cars is reimbursed at a fixed rate per kilometre, published on the intranet.",
            "Corporate cards must not be used for personal purchases, even if repaid later.");

    static List<String> bank(Kind kind) {
        return switch (kind) {
            case NEWS -> NEWS;
            case MEETING -> MEETING;
            case INCIDENT -> INCIDENT;
            case FEEDBACK -> FEEDBACK;
            case ABSTRACT -> ABSTRACT;
            case EMAIL -> EMAIL;
            case POLICY -> POLICY;
        };
    }

    /**
     * A document of about {@code sentences} sentences. Sentences keep their bank order, so a document
     * reads in a sensible sequence; notes, threads and reviews go one per line.
     */
    static String text(Draw d, Kind kind, int sentences) {
        List<String> bank = bank(kind);
        int count = Math.min(sentences, bank.size());
        boolean[] chosen = new boolean[bank.size()];
        for (int index : d.pickDistinct(range(bank.size()), count)) {
            chosen[index] = true;
        }
        boolean lines = kind == Kind.MEETING || kind == Kind.FEEDBACK || kind == Kind.EMAIL;
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < bank.size(); i++) {
            if (chosen[i]) {
                if (out.length() > 0) {
                    out.append(lines ? "\n" : " ");
                }
                String sentence = d.fill(bank.get(i));
                out.append(Character.toUpperCase(sentence.charAt(0))).append(sentence.substring(1));
            }
        }
        return out.toString();
    }

    private static List<Integer> range(int n) {
        return java.util.stream.IntStream.range(0, n).boxed().toList();
    }
}
