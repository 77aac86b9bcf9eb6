/** README.txt in every data subject export (Dutch: it is handed to the person the data is about). */
export const EXPORT_README = `Inzage in persoonsgegevens — Vertelpunt & Dashboard Samenleren
=================================================================

Dit archief bevat alle gegevens die deze organisatie in Vertelpunt over één persoon bewaart:
een Wat telt-cliënt (met een pseudoniem, de code) of een medewerker (en de verhalen die die vertelde).

Bestanden
---------
gegevens.json   Alle gegevens, als JSON (UTF-8). Zie de velden hieronder.
README.txt      Deze uitleg.
opnames/        De gesproken opnames, één bestand per verhaal: <verhaal-id>.<soort>.

Velden in gegevens.json
-----------------------
kind            "client" (Wat telt-cliënt) of "user" (medewerker).
exportedAt      Wanneer dit archief is gemaakt (UTC).
recordings      Per opname: het verhaal (storyId), het bestand in opnames/ en de grootte in bytes.
audit           Het logboek over deze persoon: wat er met de gegevens gebeurde (action), wanneer
                (created_at) en over welk onderdeel (subject_type, subject_id). by_subject = true: de
                persoon deed het zelf. Namen van anderen staan er niet in.

Bij een cliënt (kind = "client"):
client          De cliënt: id, code (pseudoniem), team, wijk en wanneer aangemaakt.
measurements    De Wat telt-metingen: datum (measured_on), rapportcijfer, de rol van een derde (third_role),
                notitie (note), bron (bord of import) en scores per leefgebied en perspectief
                (inwoner, professional, derde; positie 0–10).
goals           De doelen: leefgebied, tekst, status en de geschiedenis van de status.

Bij een medewerker (kind = "user"):
user            Naam, e-mailadres, rollen in deze organisatie en sinds wanneer.
stories         De verhalen die deze persoon vertelde: titel en tekst zoals verteld (title, text), de
                uitgeschreven opname (transcript, met tijden in transcript_segments), de geanonimiseerde
                versie (redacted_title, redacted_text), status, toestemming (consent), wanneer verteld
                (told_at), teruggetrokken (withdrawn_at), gegevens over de opname (audio_*), de antwoorden
                op de vragen (answers: vraag en antwoord) en de labels die het systeem of een collega gaf
                (tags: tag, bron, score, status).
tagDecisions    Labels van verhalen die deze persoon bevestigde of afwees.
tafels          ErvaringenTafels die deze persoon begeleidt (titel, datum, vraag).
measurements    Wat telt-metingen waarbij deze persoon de professional was (cliëntcode en datum).

Vragen? Neem contact op met de functionaris gegevensbescherming van de organisatie.
`;
