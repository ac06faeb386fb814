package dev.mint.bench.minima;

import java.util.ArrayList;
import java.util.List;

/** Pulling structured fields out of invoices, job ads, notices, notes and signatures, mostly as JSON. */
final class ExtractionPrompts implements TaskPrompts {
    private record Form(String name, List<String> fields, List<String> lines) {
    }

    private static final List<Form> FORMS = List.of(
            new Form("invoice", List.of("invoice_number", "supplier", "invoice_date", "due_date", "total", "currency", "vat_amount", "line_items"),
                    List.of("INVOICE {ref1}", "Supplier: {org1}, {city1}", "Customer: {org2}", "Invoice date: {date}",
                            "Payment due: {date}", "{num} x {item} @ {amount}", "{num} x {item} @ {amount}", "Shipping: {amount}",
                            "VAT (21%): {amount}", "Total due: {amount}", "Bank: IBAN NL{num}ABNA0{big}{big}",
                            "Questions? Contact {person1} on {phone}.")),
            new Form("job advert", List.of("job_title", "company", "location", "salary_range", "contract_type", "required_skills", "closing_date"),
                    List.of("{org1} is hiring a Senior Data Engineer in {city1} (hybrid, 3 days in the office).",
                            "You will build and run the pipelines behind our {service}.",
                            "Salary: {salary} per year, depending on experience.",
                            "Permanent, full-time contract; 28 days of holiday.",
                            "Must have: Python, SQL, Airflow, and at least {small} years of experience with cloud data warehouses.",
                            "Nice to have: Kafka, dbt, and experience in a regulated industry.",
                            "Apply by {date} by writing to {person1}.", "We welcome applicants from all backgrounds.")),
            new Form("delivery notice", List.of("carrier", "tracking_number", "expected_delivery", "recipient", "items", "signature_required"),
                    List.of("Your parcel from {org1} is on its way!", "Carrier: {pick:DHL|PostNL|UPS|DPD|InPost|GLS}",
                            "Tracking number: {big}{big}{big}", "Expected delivery: {weekday}, {date}, {pick:between 08:00 and 12:00|between 12:00 and 17:00|between 17:00 and 21:00}",
                            "Recipient: {person1}, {city1}", "Contents: {small} x {item}, 1 x {product}",
                            "A signature is {pick:required|not required} on delivery.",
                            "Not at home? Choose a pickup point in the app.")),
            new Form("lab note", List.of("experiment_id", "operator", "date", "samples", "concentrations_with_units", "instrument", "deviations"),
                    List.of("Experiment EXP-{big}, run by {person1} on {isodate}.",
                            "Samples S{num}, S{num} and S{num} were diluted 1:{small}0 in PBS.",
                            "Measured concentrations: {num}.{small} ng/µL, {num}.{small} ng/µL and {small}.{small} µg/mL.",
                            "Plate read on the {pick:SpectraMax M5|EnVision 2105|CLARIOstar} at 450 nm.",
                            "Deviation: incubation ran {num} minutes longer than the protocol states.",
                            "Well C{small} was excluded because of a bubble.", "Reagent lot {ref} was opened today.")),
            new Form("contract excerpt", List.of("parties", "start_date", "term", "notice_period", "monthly_fee", "currency", "governing_law"),
                    List.of("This services agreement is made between {org1} (the Provider) and {org2} (the Client).",
                            "It takes effect on {date} and runs for {small} years.",
                            "It renews automatically for one-year periods unless either party gives {small} months' written notice.",
                            "The Client pays a monthly fee of {amount}, indexed annually to inflation.",
                            "The Provider's liability is capped at the fees paid in the preceding twelve months.",
                            "This agreement is governed by the laws of {pick:the Netherlands|Germany|Poland|Sweden|England and Wales}.",
                            "Signed for the Client by {person1}, Chief Operating Officer.")),
            new Form("e-mail signature", List.of("name", "job_title", "company", "phone", "email", "office_city"),
                    List.of("Kind regards,", "{person1}", "{pick:Procurement Manager|Head of Finance|Lab Manager|Account Executive}",
                            "{org1} | {city1} office", "Tel: {phone}", "Mobile: {phone}",
                            "This e-mail and any attachments are confidential and intended solely for the addressee.")),
            new Form("meeting request", List.of("meeting_title", "date", "start_time", "duration_minutes", "participants", "location"),
                    List.of("Hi {first1},", "Could we meet on {weekday} {date} at {time} to go through the {quarter} budget?",
                            "It should take about {small}0 minutes.", "I've also invited {person2} and {person3} from {team}.",
                            "We can use the small meeting room on the third floor in {city1}, or a video call if you prefer.",
                            "If that doesn't work, {weekday} afternoon is free too.", "Thanks, {person4}")));

    @Override
    public String task(Draw d, Difficulty difficulty) {
        Form form = d.pick(FORMS);
        int lineCount = switch (difficulty) {
            case EASY -> Math.min(form.lines().size(), 4);
            case MEDIUM -> Math.min(form.lines().size(), 6);
            case HARD -> form.lines().size();
        };
        List<String> lines = new ArrayList<>();
        for (String line : form.lines().subList(0, lineCount)) {
            lines.add(d.fill(choices(d, line)));
        }
        String text = String.join("\n", lines);
        if (difficulty == Difficulty.HARD) {
            text = d.fill("---------- Forwarded message ---------\nFrom: {person5}\nDate: {date}\nSubject: Fwd: ")
                    + form.name() + "\n\n" + text;
        }
        int fieldCount = switch (difficulty) {
            case EASY -> d.between(2, 3);
            case MEDIUM -> d.between(3, 5);
            case HARD -> form.fields().size();
        };
        List<String> fields = form.fields().subList(0, Math.min(fieldCount, form.fields().size()));
        String keys = "\"" + String.join("\", \"", fields) + "\"";
        String instruction = d.pick(
                "Extract the following fields from this " + form.name() + " and return JSON with the keys " + keys + ".",
                "From the " + form.name() + " below, pull out " + Fillers.naturalList(fields).replace('_', ' ') + ". Answer as JSON.",
                "Return a JSON object with keys " + keys + ", filled from the text below. Use null for anything missing.",
                "Please extract the " + Fillers.naturalList(fields).replace('_', ' ') + " from this " + form.name() + ".");
        if (difficulty == Difficulty.HARD) {
            instruction += " Dates in ISO 8601, amounts as numbers without currency symbols, lists as JSON arrays,"
                    + " and ignore anything from the forwarding header.";
        }
        return d.chance(0.3) ? text + "\n\n" + instruction : instruction + "\n\n" + text;
    }

    /** Resolves {@code {pick:a|b|c}} before the ordinary slots. */
    private static String choices(Draw d, String line) {
        int start = line.indexOf("{pick:");
        if (start < 0) {
            return line;
        }
        int end = line.indexOf('}', start);
        String[] options = line.substring(start + 6, end).split("\\|");
        return choices(d, line.substring(0, start) + d.pick(options) + line.substring(end + 1));
    }
}
