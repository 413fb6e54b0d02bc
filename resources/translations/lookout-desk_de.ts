<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>ConnectionDetailsDialogForm</name>
    <message>
        <source>Connection Details</source>
        <translation>Verbindungsdetails</translation>
    </message>
    <message>
        <source>Connection details</source>
        <translation>Verbindungsdetails</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <source>&amp;Where each value comes from:</source>
        <translation>&amp;Woher jeder Wert stammt:</translation>
    </message>
    <message>
        <source>Where each value comes from</source>
        <translation>Woher jeder Wert stammt</translation>
    </message>
</context>
<context>
    <name>DashboardTileDelegate</name>
    <message>
        <source>Stale: data from %1</source>
        <translation>Veraltet: Daten von %1</translation>
    </message>
    <message>
        <source>Stale</source>
        <translation>Veraltet</translation>
    </message>
    <message>
        <source>Just changed</source>
        <translation>Gerade geändert</translation>
    </message>
    <message>
        <source>no result yet</source>
        <translation>noch kein Ergebnis</translation>
    </message>
    <message>
        <source>Changed %1</source>
        <translation>Geändert %1</translation>
    </message>
</context>
<context>
    <name>FleetViewForm</name>
    <message>
        <source>Fleet</source>
        <translation>Flotte</translation>
    </message>
    <message>
        <source>Fleet refresh error</source>
        <translation>Fehler beim Aktualisieren der Flotte</translation>
    </message>
    <message>
        <source>&amp;Filter:</source>
        <translation>&amp;Filter:</translation>
    </message>
    <message>
        <source>Filter schedulers by name or model</source>
        <translation>Planer nach Name oder Modell filtern</translation>
    </message>
    <message>
        <source>Scheduler or model name (Ctrl+F)</source>
        <translation>Planer- oder Modellname (Strg+F)</translation>
    </message>
    <message>
        <source>S&amp;how:</source>
        <translation>&amp;Zeigen:</translation>
    </message>
    <message>
        <source>Status filter</source>
        <translation>Statusfilter</translation>
    </message>
    <message>
        <source>Fleet summary</source>
        <translation>Flottenübersicht</translation>
    </message>
    <message>
        <source>Inference schedulers</source>
        <translation>Inferenzplaner</translation>
    </message>
    <message>
        <source>Fleet state</source>
        <translation>Zustand der Flotte</translation>
    </message>
</context>
<context>
    <name>GuiApplication</name>
    <message>
        <source>Lookout Desk cannot start</source>
        <translation>Lookout Desk kann nicht starten</translation>
    </message>
    <message>
        <source>Run &apos;%1 --help&apos; for the options.</source>
        <translation>Mit „%1 --help“ werden die Optionen angezeigt.</translation>
    </message>
    <message>
        <source>Showing the dashboard on a wall display</source>
        <translation>Zeigt das Dashboard auf einem Wandbildschirm</translation>
    </message>
</context>
<context>
    <name>KeyboardShortcutsDialogForm</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Tasten</translation>
    </message>
</context>
<context>
    <name>ProfileDialogForm</name>
    <message>
        <source>Keychain Profile</source>
        <translation>Schlüsselbund-Profil</translation>
    </message>
    <message>
        <source>Keychain profile</source>
        <translation>Schlüsselbund-Profil</translation>
    </message>
    <message>
        <source>The keys are kept in the system keychain, never in a file. Profiles in ~/.aws are edited there, not here.</source>
        <translation>Die Schlüssel liegen im Schlüsselbund des Systems, nie in einer Datei. Profile aus ~/.aws werden dort bearbeitet, nicht hier.</translation>
    </message>
    <message>
        <source>Profile &amp;name:</source>
        <translation>Profil&amp;name:</translation>
    </message>
    <message>
        <source>Profile name</source>
        <translation>Profilname</translation>
    </message>
    <message>
        <source>for example plant-north</source>
        <translation>zum Beispiel plant-north</translation>
    </message>
    <message>
        <source>&amp;Access key ID:</source>
        <translation>&amp;Zugriffsschlüssel-ID:</translation>
    </message>
    <message>
        <source>Access key ID</source>
        <translation>Zugriffsschlüssel-ID</translation>
    </message>
    <message>
        <source>&amp;Secret access key:</source>
        <translation>&amp;Geheimer Zugriffsschlüssel:</translation>
    </message>
    <message>
        <source>Secret access key</source>
        <translation>Geheimer Zugriffsschlüssel</translation>
    </message>
    <message>
        <source>Session &amp;token (optional):</source>
        <translation>Sitzungs&amp;token (optional):</translation>
    </message>
    <message>
        <source>Session token, optional</source>
        <translation>Sitzungstoken, optional</translation>
    </message>
    <message>
        <source>&amp;Region:</source>
        <translation>&amp;Region:</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>&amp;Endpoint URL (optional):</source>
        <translation>&amp;Endpunkt-URL (optional):</translation>
    </message>
    <message>
        <source>Endpoint URL, optional</source>
        <translation>Endpunkt-URL, optional</translation>
    </message>
    <message>
        <source>https://lookoutequipment.&lt;region&gt;.amazonaws.com</source>
        <translation>https://lookoutequipment.&lt;region&gt;.amazonaws.com</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>Dialog buttons</source>
        <translation>Dialogschaltflächen</translation>
    </message>
</context>
<context>
    <name>SchedulerDetailsViewForm</name>
    <message>
        <source>Inference scheduler details</source>
        <translation>Details des Inferenzplaners</translation>
    </message>
    <message>
        <source>Inference scheduler</source>
        <translation>Inferenzplaner</translation>
    </message>
    <message>
        <source>Refreshing</source>
        <translation>Wird aktualisiert</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Copy the scheduler ARN, its JSON or the AWS CLI command</source>
        <translation>ARN des Planers, sein JSON oder den AWS-CLI-Befehl kopieren</translation>
    </message>
    <message>
        <source>Copy menu</source>
        <translation>Kopiermenü</translation>
    </message>
    <message>
        <source>Data freshness</source>
        <translation>Aktualität der Daten</translation>
    </message>
    <message>
        <source>Details state</source>
        <translation>Zustand der Details</translation>
    </message>
    <message>
        <source>Scheduler fields</source>
        <translation>Felder des Planers</translation>
    </message>
</context>
<context>
    <name>StatusPresentation</name>
    <message>
        <source>PENDING</source>
        <translation>PENDING</translation>
    </message>
    <message>
        <source>Pending: the scheduler is starting.</source>
        <translation>Ausstehend: Der Planer startet.</translation>
    </message>
    <message>
        <source>RUNNING</source>
        <translation>RUNNING</translation>
    </message>
    <message>
        <source>Running: inference runs on every data upload.</source>
        <translation>Läuft: Bei jedem Daten-Upload wird eine Inferenz ausgeführt.</translation>
    </message>
    <message>
        <source>STOPPING</source>
        <translation>STOPPING</translation>
    </message>
    <message>
        <source>Stopping: the scheduler is shutting down.</source>
        <translation>Wird gestoppt: Der Planer fährt herunter.</translation>
    </message>
    <message>
        <source>STOPPED</source>
        <translation>STOPPED</translation>
    </message>
    <message>
        <source>Stopped: no inference runs until the scheduler is started.</source>
        <translation>Gestoppt: Keine Inferenz, bis der Planer gestartet wird.</translation>
    </message>
    <message>
        <source>ANOMALOUS</source>
        <translation>ANOMALOUS</translation>
    </message>
    <message>
        <source>Anomalous: the latest inference found anomalous behaviour.</source>
        <translation>Anomal: Die letzte Inferenz hat anomales Verhalten gefunden.</translation>
    </message>
    <message>
        <source>NORMAL</source>
        <translation>NORMAL</translation>
    </message>
    <message>
        <source>Normal: the latest inference found normal behaviour.</source>
        <translation>Normal: Die letzte Inferenz hat normales Verhalten gefunden.</translation>
    </message>
    <message>
        <source>UNKNOWN</source>
        <translation>UNKNOWN</translation>
    </message>
    <message>
        <source>%1: a value this version of Lookout Desk does not know.</source>
        <translation>%1: ein Wert, den diese Version von Lookout Desk nicht kennt.</translation>
    </message>
    <message>
        <source>IN_PROGRESS</source>
        <translation>IN_PROGRESS</translation>
    </message>
    <message>
        <source>In progress: the execution is running.</source>
        <translation>In Bearbeitung: Die Ausführung läuft.</translation>
    </message>
    <message>
        <source>SUCCESS</source>
        <translation>SUCCESS</translation>
    </message>
    <message>
        <source>Success: the execution ran and wrote its results.</source>
        <translation>Erfolgreich: Die Ausführung ist gelaufen und hat ihre Ergebnisse geschrieben.</translation>
    </message>
    <message>
        <source>FAILED</source>
        <translation>FAILED</translation>
    </message>
    <message>
        <source>Failed: the execution produced no results; its failed reason says why.</source>
        <translation>Fehlgeschlagen: Die Ausführung hat keine Ergebnisse erzeugt; ihr Fehlergrund sagt, warum.</translation>
    </message>
</context>
<context>
    <name>models::CliCommandText</name>
    <message>
        <source>No command: the name is not a valid scheduler name (%1).</source>
        <translation>Kein Befehl: Der Name ist kein gültiger Planername (%1).</translation>
    </message>
    <message>
        <source>profile name</source>
        <translation>Profilname</translation>
    </message>
    <message>
        <source>region</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>endpoint URL</source>
        <translation>Endpunkt-URL</translation>
    </message>
    <message>
        <source>No command: the %1 holds control characters (%2).</source>
        <translation>Kein Befehl: %1 enthält Steuerzeichen (%2).</translation>
    </message>
</context>
<context>
    <name>models::ConnectionStatus</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>connection %1</source>
        <translation>Verbindung %1</translation>
    </message>
    <message>
        <source>HTTP %1</source>
        <translation>HTTP %1</translation>
    </message>
    <message>
        <source>service error</source>
        <translation>Dienstfehler</translation>
    </message>
    <message>
        <source>network error</source>
        <translation>Netzwerkfehler</translation>
    </message>
    <message>
        <source>timed out</source>
        <translation>Zeitüberschreitung</translation>
    </message>
    <message>
        <source>TLS error</source>
        <translation>TLS-Fehler</translation>
    </message>
    <message>
        <source>answer too large</source>
        <translation>Antwort zu groß</translation>
    </message>
    <message>
        <source>unreadable answer</source>
        <translation>unlesbare Antwort</translation>
    </message>
    <message>
        <source>invalid parameter</source>
        <translation>ungültiger Parameter</translation>
    </message>
    <message>
        <source>no usable credentials</source>
        <translation>keine verwendbaren Anmeldedaten</translation>
    </message>
    <message>
        <source>configuration error</source>
        <translation>Konfigurationsfehler</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>error</source>
        <translation>Fehler</translation>
    </message>
    <message numerus="yes">
        <source>%n connections</source>
        <translation>
            <numerusform>%n Verbindung</numerusform>
            <numerusform>%n Verbindungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n answering</source>
        <translation>
            <numerusform>%n antwortet</numerusform>
            <numerusform>%n antworten</numerusform>
        </translation>
    </message>
    <message>
        <source>updated %1</source>
        <translation>aktualisiert %1</translation>
    </message>
    <message numerus="yes">
        <source>%n connecting</source>
        <translation>
            <numerusform>%n verbindet sich</numerusform>
            <numerusform>%n verbinden sich</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 failing: %2</source>
        <translation>%1 gestört: %2</translation>
    </message>
    <message numerus="yes">
        <source>%n failing</source>
        <translation>
            <numerusform>%n gestört</numerusform>
            <numerusform>%n gestört</numerusform>
        </translation>
    </message>
    <message>
        <source>answering, updated %1</source>
        <translation>antwortet, aktualisiert %1</translation>
    </message>
    <message>
        <source>answering</source>
        <translation>antwortet</translation>
    </message>
    <message>
        <source>failing, last updated %1: %2</source>
        <translation>gestört, zuletzt aktualisiert %1: %2</translation>
    </message>
    <message>
        <source>failing, never updated: %1</source>
        <translation>gestört, nie aktualisiert: %1</translation>
    </message>
    <message>
        <source>connecting</source>
        <translation>verbindet sich</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>models::DurationText</name>
    <message>
        <source>Every hour</source>
        <translation>Stündlich</translation>
    </message>
    <message>
        <source>Every %1 hours</source>
        <translation>Alle %1 Stunden</translation>
    </message>
    <message>
        <source>Every minute</source>
        <translation>Minütlich</translation>
    </message>
    <message>
        <source>Every %1 minutes</source>
        <translation>Alle %1 Minuten</translation>
    </message>
    <message>
        <source>Every %1 seconds</source>
        <translation>Alle %1 Sekunden</translation>
    </message>
    <message>
        <source>1 minute</source>
        <translation>1 Minute</translation>
    </message>
    <message>
        <source>%1 minutes</source>
        <translation>%1 Minuten</translation>
    </message>
</context>
<context>
    <name>models::EventTableModel</name>
    <message>
        <source>not set</source>
        <translation>nicht gesetzt</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Beginn</translation>
    </message>
    <message>
        <source>The first anomalous prediction</source>
        <translation>Die erste anomale Vorhersage</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Ende</translation>
    </message>
    <message>
        <source>The last anomalous prediction</source>
        <translation>Die letzte anomale Vorhersage</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>From the first to the last prediction</source>
        <translation>Von der ersten bis zur letzten Vorhersage</translation>
    </message>
    <message>
        <source>Predictions</source>
        <translation>Vorhersagen</translation>
    </message>
    <message>
        <source>Anomalous predictions in the event</source>
        <translation>Anomale Vorhersagen des Ereignisses</translation>
    </message>
    <message>
        <source>Highest score</source>
        <translation>Höchster Wert</translation>
    </message>
    <message>
        <source>The highest anomaly score</source>
        <translation>Der höchste Anomaliewert</translation>
    </message>
    <message>
        <source>Top sensors</source>
        <translation>Wichtigste Sensoren</translation>
    </message>
    <message>
        <source>The sensors with the largest mean share of the anomaly</source>
        <translation>Die Sensoren mit dem größten mittleren Anteil an der Anomalie</translation>
    </message>
</context>
<context>
    <name>models::ExecutionHistoryModel</name>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>nicht gesetzt</translation>
    </message>
    <message>
        <source>Scheduled start</source>
        <translation>Geplanter Start</translation>
    </message>
    <message>
        <source>Data window</source>
        <translation>Datenfenster</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Model version</source>
        <translation>Modellversion</translation>
    </message>
    <message>
        <source>Result object</source>
        <translation>Ergebnisobjekt</translation>
    </message>
    <message>
        <source>Failed reason</source>
        <translation>Fehlergrund</translation>
    </message>
</context>
<context>
    <name>models::FleetLoader</name>
    <message>
        <source>The connection has no credentials provider.</source>
        <translation>Die Verbindung hat keinen Anbieter für Anmeldedaten.</translation>
    </message>
</context>
<context>
    <name>models::FleetSummary</name>
    <message>
        <source>%1 %2</source>
        <extracomment>A count in the fleet summary line for a value the service added later, e.g. &quot;3 paused&quot;</extracomment>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>No schedulers</source>
        <translation>Keine Planer</translation>
    </message>
    <message>
        <source>1 scheduler</source>
        <translation>1 Planer</translation>
    </message>
    <message numerus="yes">
        <source>%n schedulers</source>
        <translation>
            <numerusform>%n Planer</numerusform>
            <numerusform>%n Planer</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n pending</source>
        <extracomment>In the fleet summary line: how many schedulers are PENDING</extracomment>
        <translation>
            <numerusform>%n ausstehend</numerusform>
            <numerusform>%n ausstehend</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n running</source>
        <extracomment>In the fleet summary line: how many schedulers are RUNNING</extracomment>
        <translation>
            <numerusform>%n läuft</numerusform>
            <numerusform>%n laufen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n stopping</source>
        <extracomment>In the fleet summary line: how many schedulers are STOPPING</extracomment>
        <translation>
            <numerusform>%n wird gestoppt</numerusform>
            <numerusform>%n werden gestoppt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n stopped</source>
        <extracomment>In the fleet summary line: how many schedulers are STOPPED</extracomment>
        <translation>
            <numerusform>%n gestoppt</numerusform>
            <numerusform>%n gestoppt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n anomalous</source>
        <extracomment>In the fleet summary line: how many latest inference results are ANOMALOUS</extracomment>
        <translation>
            <numerusform>%n anomal</numerusform>
            <numerusform>%n anomal</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n normal</source>
        <extracomment>In the fleet summary line: how many latest inference results are NORMAL</extracomment>
        <translation>
            <numerusform>%n normal</numerusform>
            <numerusform>%n normal</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>models::InferenceEventModel</name>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>no sensors listed</source>
        <translation>keine Sensoren angegeben</translation>
    </message>
    <message>
        <source>%1 seconds</source>
        <translation>%1 Sekunden</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>nicht gesetzt</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Beginn</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Ende</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Contributing sensors</source>
        <translation>Beitragende Sensoren</translation>
    </message>
</context>
<context>
    <name>models::PredictionTableModel</name>
    <message>
        <source>not set</source>
        <translation>nicht gesetzt</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>The time of the data the prediction is for</source>
        <translation>Der Zeitpunkt der Daten, für die die Vorhersage gilt</translation>
    </message>
    <message>
        <source>Prediction</source>
        <translation>Vorhersage</translation>
    </message>
    <message>
        <source>1: an anomaly, 0: none</source>
        <translation>1: eine Anomalie, 0: keine</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Why the scheduler predicted it</source>
        <translation>Warum der Inferenzplaner sie vorhergesagt hat</translation>
    </message>
    <message>
        <source>Anomaly score</source>
        <translation>Anomaliewert</translation>
    </message>
    <message>
        <source>How anomalous the data looked, from 0 to 1</source>
        <translation>Wie anomal die Daten aussahen, von 0 bis 1</translation>
    </message>
    <message>
        <source>Top sensors</source>
        <translation>Wichtigste Sensoren</translation>
    </message>
    <message>
        <source>The sensors with the largest share of the anomaly</source>
        <translation>Die Sensoren mit dem größten Anteil an der Anomalie</translation>
    </message>
</context>
<context>
    <name>models::ResultsText</name>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>one prediction</source>
        <translation>eine Vorhersage</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation>%1 Tage</translation>
    </message>
    <message>
        <source>%1 days %2 h</source>
        <translation>%1 Tage %2 h</translation>
    </message>
</context>
<context>
    <name>models::S3ResultsSources</name>
    <message>
        <source>No results to show: %1.</source>
        <translation>Keine Ergebnisse anzuzeigen: %1.</translation>
    </message>
    <message>
        <source>Not connected: results in %1 cannot be read.</source>
        <translation>Nicht verbunden: Die Ergebnisse in %1 können nicht gelesen werden.</translation>
    </message>
    <message>
        <source>Results in %1 cannot be read: %2</source>
        <translation>Die Ergebnisse in %1 können nicht gelesen werden: %2</translation>
    </message>
</context>
<context>
    <name>models::SchedulerActionController</name>
    <message>
        <source>dropped: the connection changed</source>
        <translation>verworfen: die Verbindung hat gewechselt</translation>
    </message>
    <message>
        <source>access denied: the credentials lack the permission %1</source>
        <translation>Zugriff verweigert: den Anmeldedaten fehlt die Berechtigung %1</translation>
    </message>
    <message>
        <source>already starting</source>
        <translation>startet bereits</translation>
    </message>
    <message>
        <source>already running</source>
        <translation>läuft bereits</translation>
    </message>
    <message>
        <source>still stopping; it can be started once it has stopped</source>
        <translation>wird noch gestoppt; er kann gestartet werden, sobald er gestoppt ist</translation>
    </message>
    <message>
        <source>its state changed meanwhile; only a stopped scheduler can be started</source>
        <translation>sein Zustand hat sich inzwischen geändert; nur ein gestoppter Planer kann gestartet werden</translation>
    </message>
    <message>
        <source>already stopped</source>
        <translation>bereits gestoppt</translation>
    </message>
    <message>
        <source>already stopping</source>
        <translation>wird bereits gestoppt</translation>
    </message>
    <message>
        <source>its state changed meanwhile; only a running scheduler can be stopped</source>
        <translation>sein Zustand hat sich inzwischen geändert; nur ein laufender Planer kann gestoppt werden</translation>
    </message>
    <message>
        <source>%1 is starting (%2).</source>
        <translation>%1 startet (%2).</translation>
    </message>
    <message>
        <source>%1 is stopping (%2).</source>
        <translation>%1 wird gestoppt (%2).</translation>
    </message>
    <message>
        <source>%1 was not started: %2.</source>
        <translation>%1 wurde nicht gestartet: %2.</translation>
    </message>
    <message>
        <source>%1 was not stopped: %2.</source>
        <translation>%1 wurde nicht gestoppt: %2.</translation>
    </message>
    <message>
        <source>Could not start %1: %2</source>
        <translation>%1 konnte nicht gestartet werden: %2</translation>
    </message>
    <message>
        <source>Could not stop %1: %2</source>
        <translation>%1 konnte nicht gestoppt werden: %2</translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>und %n weiterer</numerusform>
            <numerusform>und %n weitere</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n started</source>
        <translation>
            <numerusform>%n gestartet</numerusform>
            <numerusform>%n gestartet</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n stopped</source>
        <translation>
            <numerusform>%n gestoppt</numerusform>
            <numerusform>%n gestoppt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not started</source>
        <translation>
            <numerusform>%n nicht gestartet</numerusform>
            <numerusform>%n nicht gestartet</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not stopped</source>
        <translation>
            <numerusform>%n nicht gestoppt</numerusform>
            <numerusform>%n nicht gestoppt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n fehlgeschlagen</numerusform>
            <numerusform>%n fehlgeschlagen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>models::SchedulerDetailsModel</name>
    <message>
        <source>none</source>
        <comment>timestamp delimiter</comment>
        <translation>keines</translation>
    </message>
    <message>
        <source>underscore (_)</source>
        <translation>Unterstrich (_)</translation>
    </message>
    <message>
        <source>hyphen (-)</source>
        <translation>Bindestrich (-)</translation>
    </message>
    <message>
        <source>space</source>
        <translation>Leerzeichen</translation>
    </message>
    <message>
        <source>“%1”</source>
        <comment>an unknown timestamp delimiter, quoted</comment>
        <translation>„%1“</translation>
    </message>
    <message>
        <source>Scheduler name</source>
        <translation>Planername</translation>
    </message>
    <message>
        <source>scheduler name</source>
        <translation>Planername</translation>
    </message>
    <message>
        <source>Scheduler ARN</source>
        <translation>Planer-ARN</translation>
    </message>
    <message>
        <source>scheduler ARN</source>
        <translation>Planer-ARN</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Latest result</source>
        <translation>Letztes Ergebnis</translation>
    </message>
    <message>
        <source>latest result</source>
        <translation>letztes Ergebnis</translation>
    </message>
    <message>
        <source>Model name</source>
        <translation>Modellname</translation>
    </message>
    <message>
        <source>model name</source>
        <translation>Modellname</translation>
    </message>
    <message>
        <source>Model ARN</source>
        <translation>Modell-ARN</translation>
    </message>
    <message>
        <source>model ARN</source>
        <translation>Modell-ARN</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>creation time</source>
        <translation>Erstellungszeit</translation>
    </message>
    <message>
        <source>Last updated</source>
        <translation>Zuletzt geändert</translation>
    </message>
    <message>
        <source>last update time</source>
        <translation>Zeit der letzten Änderung</translation>
    </message>
    <message>
        <source>Upload frequency</source>
        <translation>Upload-Häufigkeit</translation>
    </message>
    <message>
        <source>upload frequency</source>
        <translation>Upload-Häufigkeit</translation>
    </message>
    <message>
        <source>Delay offset</source>
        <translation>Verzögerung</translation>
    </message>
    <message>
        <source>delay offset</source>
        <translation>Verzögerung</translation>
    </message>
    <message>
        <source>Input location</source>
        <translation>Eingabeort</translation>
    </message>
    <message>
        <source>input location</source>
        <translation>Eingabeort</translation>
    </message>
    <message>
        <source>Time zone offset</source>
        <translation>Zeitzonenversatz</translation>
    </message>
    <message>
        <source>time zone offset</source>
        <translation>Zeitzonenversatz</translation>
    </message>
    <message>
        <source>Timestamp format</source>
        <translation>Zeitstempelformat</translation>
    </message>
    <message>
        <source>timestamp format</source>
        <translation>Zeitstempelformat</translation>
    </message>
    <message>
        <source>Timestamp delimiter</source>
        <translation>Zeitstempel-Trennzeichen</translation>
    </message>
    <message>
        <source>timestamp delimiter</source>
        <translation>Zeitstempel-Trennzeichen</translation>
    </message>
    <message>
        <source>Output location</source>
        <translation>Ausgabeort</translation>
    </message>
    <message>
        <source>output location</source>
        <translation>Ausgabeort</translation>
    </message>
    <message>
        <source>Output KMS key</source>
        <translation>KMS-Schlüssel der Ausgabe</translation>
    </message>
    <message>
        <source>output KMS key</source>
        <translation>KMS-Schlüssel der Ausgabe</translation>
    </message>
    <message>
        <source>IAM role ARN</source>
        <translation>IAM-Rollen-ARN</translation>
    </message>
    <message>
        <source>Server-side KMS key</source>
        <translation>Serverseitiger KMS-Schlüssel</translation>
    </message>
    <message>
        <source>server-side KMS key</source>
        <translation>serverseitiger KMS-Schlüssel</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>nicht gesetzt</translation>
    </message>
    <message>
        <source>The service&apos;s response does not include this value.</source>
        <translation>Die Antwort des Dienstes enthält diesen Wert nicht.</translation>
    </message>
    <message>
        <source>ComponentTimestampDelimiter: “%1”</source>
        <translation>ComponentTimestampDelimiter: „%1“</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Zeitplan</translation>
    </message>
    <message>
        <source>Input data</source>
        <translation>Eingabedaten</translation>
    </message>
    <message>
        <source>Output data</source>
        <translation>Ausgabedaten</translation>
    </message>
    <message>
        <source>Security</source>
        <translation>Sicherheit</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <comment>UTC time, relative age</comment>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>field name: value</comment>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
</context>
<context>
    <name>models::SchedulerListModel</name>
    <message>
        <source>not set</source>
        <translation>nicht gesetzt</translation>
    </message>
    <message>
        <source>Last refresh failed; this is the data of %1</source>
        <translation>Letzte Aktualisierung fehlgeschlagen; dies sind die Daten von %1</translation>
    </message>
    <message>
        <source>stale</source>
        <translation>veraltet</translation>
    </message>
    <message>
        <source>just changed</source>
        <translation>gerade geändert</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Inference scheduler name</source>
        <translation>Name des Inferenzplaners</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Inference scheduler status</source>
        <translation>Status des Inferenzplaners</translation>
    </message>
    <message>
        <source>Latest result</source>
        <translation>Letztes Ergebnis</translation>
    </message>
    <message>
        <source>Latest inference result</source>
        <translation>Letztes Inferenzergebnis</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Model name</source>
        <translation>Modellname</translation>
    </message>
    <message>
        <source>Upload frequency</source>
        <translation>Upload-Häufigkeit</translation>
    </message>
    <message>
        <source>Data upload frequency</source>
        <translation>Häufigkeit des Daten-Uploads</translation>
    </message>
    <message>
        <source>Delay</source>
        <translation>Verzögerung</translation>
    </message>
    <message>
        <source>Data delay offset</source>
        <translation>Verzögerung der Daten</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>AWS account of the inference scheduler</source>
        <translation>AWS-Konto des Inferenzplaners</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>Region of the connection</source>
        <translation>Region der Verbindung</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>Profile of the connection</source>
        <translation>Profil der Verbindung</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <comment>account · region</comment>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>%1 (profile %2)</source>
        <translation>%1 (Profil %2)</translation>
    </message>
</context>
<context>
    <name>models::SensorContributionModel</name>
    <message>
        <source>Sensor</source>
        <translation>Sensor</translation>
    </message>
    <message>
        <source>Component and sensor</source>
        <translation>Komponente und Sensor</translation>
    </message>
    <message>
        <source>Component</source>
        <translation>Komponente</translation>
    </message>
    <message>
        <source>The part before the backslash</source>
        <translation>Der Teil vor dem Backslash</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Anteil</translation>
    </message>
    <message>
        <source>The sensor&apos;s share of the anomaly</source>
        <translation>Der Anteil des Sensors an der Anomalie</translation>
    </message>
</context>
<context>
    <name>models::StatusChangeNotifier</name>
    <message>
        <source>%1: latest result ANOMALOUS</source>
        <translation>%1: letztes Ergebnis ANOMALOUS</translation>
    </message>
    <message>
        <source>%1: %2 → %3</source>
        <translation>%1: %2 → %3</translation>
    </message>
    <message>
        <source>no status</source>
        <translation>kein Status</translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>und %n weiterer</numerusform>
            <numerusform>und %n weitere</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 turned ANOMALOUS</source>
        <translation>%1 ist jetzt ANOMALOUS</translation>
    </message>
    <message>
        <source>%1 is no longer running</source>
        <translation>%1 läuft nicht mehr</translation>
    </message>
    <message numerus="yes">
        <source>%n schedulers need attention</source>
        <translation>
            <numerusform>%n Planer braucht Aufmerksamkeit</numerusform>
            <numerusform>%n Planer brauchen Aufmerksamkeit</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>models::TimeText</name>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation>%1 Tg.</translation>
    </message>
    <message>
        <source>in %1</source>
        <translation>in %1</translation>
    </message>
    <message>
        <source>just now</source>
        <translation>gerade eben</translation>
    </message>
    <message>
        <source>%1 ago</source>
        <translation>vor %1</translation>
    </message>
</context>
<context>
    <name>models::WallTilesModel</name>
    <message numerus="yes">
        <source>%n running, normal</source>
        <translation>
            <numerusform>%n läuft, normal</numerusform>
            <numerusform>%n laufen, normal</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>options::GuiOptions</name>
    <message>
        <source>Unknown options: %1</source>
        <translation>Unbekannte Optionen: %1</translation>
    </message>
    <message>
        <source>argument %1: expected a non-empty value</source>
        <translation>Argument %1: ein nicht leerer Wert wird erwartet</translation>
    </message>
    <message>
        <source>argument %1: %2</source>
        <translation>Argument %1: %2</translation>
    </message>
    <message>
        <source>argument %1: expected 0 (off) or a whole number of seconds from %2 to %3, not &apos;%4&apos;</source>
        <translation>Argument %1: erwartet wird 0 (aus) oder eine ganze Zahl von Sekunden von %2 bis %3, nicht „%4“</translation>
    </message>
    <message>
        <source>argument %1: only with --demo</source>
        <translation>Argument %1: nur mit --demo</translation>
    </message>
    <message>
        <source>argument %1: not with --demo, which uses its own endpoint and keys</source>
        <translation>Argument %1: nicht mit --demo, das seinen eigenen Endpunkt und eigene Schlüssel verwendet</translation>
    </message>
    <message>
        <source>argument --from: serves saved files; not with --fleet or --seed</source>
        <translation>Argument --from: liefert gespeicherte Dateien aus; nicht mit --fleet oder --seed</translation>
    </message>
    <message>
        <source>argument %1: not with --results, which opens a folder of results</source>
        <translation>Argument %1: nicht mit --results, das einen Ordner mit Ergebnissen öffnet</translation>
    </message>
    <message>
        <source>argument %1: not with --results, which opens results in S3</source>
        <translation>Argument %1: nicht mit --results, das Ergebnisse in S3 öffnet</translation>
    </message>
    <message>
        <source>argument %1: only with %2</source>
        <translation>Argument %1: nur mit %2</translation>
    </message>
    <message>
        <source>argument %1: expected one of %2, not &apos;%3&apos;</source>
        <translation>Argument %1: erwartet wird einer von %2, nicht „%3“</translation>
    </message>
    <message>
        <source>argument %1: expected PROFILE or PROFILE@REGION, not &apos;%2&apos;</source>
        <translation>Argument %1: PROFIL oder PROFIL@REGION erwartet, nicht &apos;%2&apos;</translation>
    </message>
    <message>
        <source>argument %1: &apos;%2&apos; is given twice</source>
        <translation>Argument %1: &apos;%2&apos; ist zweimal angegeben</translation>
    </message>
    <message>
        <source>argument %1: not with --connection, which names each profile and region</source>
        <translation>Argument %1: nicht mit --connection, das jedes Profil und jede Region nennt</translation>
    </message>
</context>
<context>
    <name>options::OptionScanner</name>
    <message>
        <source>argument %1: ignored explicit argument &apos;%2&apos;</source>
        <translation>Argument %1: explizites Argument „%2“ ignoriert</translation>
    </message>
    <message>
        <source>argument %1: expected one argument</source>
        <translation>Argument %1: ein Argument wird erwartet</translation>
    </message>
</context>
<context>
    <name>options::OptionValues</name>
    <message>
        <source>argument %1: expected %2, not &apos;%3&apos;</source>
        <translation>Argument %1: erwartet wird %2, nicht „%3“</translation>
    </message>
    <message>
        <source>a number of seconds from 0 (no timeout) to %1</source>
        <translation>eine Anzahl Sekunden von 0 (kein Zeitlimit) bis %1</translation>
    </message>
    <message>
        <source>a whole number from %1 to %2</source>
        <translation>eine ganze Zahl von %1 bis %2</translation>
    </message>
    <message>
        <source>argument %1: Invalid choice &apos;%2&apos;, valid choices are: %3</source>
        <translation>Argument %1: ungültige Auswahl „%2“, gültig sind: %3</translation>
    </message>
    <message>
        <source>a date-time such as 2024-03-04T18:52:22Z, 2024-03-04T18:52:22+05:30 or 2024-03-04, or epoch seconds</source>
        <translation>ein Zeitpunkt wie 2024-03-04T18:52:22Z, 2024-03-04T18:52:22+05:30 oder 2024-03-04, oder Sekunden seit der Epoche</translation>
    </message>
</context>
<context>
    <name>results::SchedulerOutput</name>
    <message>
        <source>the scheduler %1 names no S3 output location (DataOutputConfiguration.S3OutputConfiguration.Bucket)</source>
        <translation>der Planer %1 nennt keinen S3-Ausgabeort (DataOutputConfiguration.S3OutputConfiguration.Bucket)</translation>
    </message>
    <message>
        <source>the output location of %1: %2</source>
        <translation>der Ausgabeort von %1: %2</translation>
    </message>
</context>
<context>
    <name>ui::ChartExport</name>
    <message>
        <source>Could not save %1: %2</source>
        <translation>%1 konnte nicht gespeichert werden: %2</translation>
    </message>
</context>
<context>
    <name>ui::ChoiceResolver</name>
    <message>
        <source>Demo</source>
        <translation>Demo</translation>
    </message>
    <message>
        <source>the profile picker</source>
        <translation>die Profilauswahl</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>Umgebung</translation>
    </message>
    <message>
        <source>The demo endpoint is not available.</source>
        <translation>Der Demo-Endpunkt ist nicht verfügbar.</translation>
    </message>
</context>
<context>
    <name>ui::ConnectionBar</name>
    <message>
        <source>&amp;Profile:</source>
        <translation>&amp;Profil:</translation>
    </message>
    <message>
        <source>Re&amp;gion:</source>
        <translation>Re&amp;gion:</translation>
    </message>
    <message>
        <source>Connection details</source>
        <translation>Verbindungsdetails</translation>
    </message>
    <message>
        <source>Connection details: where the profile, region, endpoint and keys come from</source>
        <translation>Verbindungsdetails: woher Profil, Region, Endpunkt und Schlüssel stammen</translation>
    </message>
    <message>
        <source>The AWS region: pick one or type its name and press Enter</source>
        <translation>Die AWS-Region: eine auswählen oder ihren Namen eingeben und Eingabe drücken</translation>
    </message>
</context>
<context>
    <name>ui::ConnectionDetailsDialog</name>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>Copy connection details</source>
        <translation>Verbindungsdetails kopieren</translation>
    </message>
    <message>
        <source>Copied connection details</source>
        <translation>Verbindungsdetails kopiert</translation>
    </message>
    <message>
        <source>Connected as %1 to %2</source>
        <translation>Verbunden als %1 mit %2</translation>
    </message>
    <message>
        <source>Not connected (%1): %2</source>
        <translation>Nicht verbunden (%1): %2</translation>
    </message>
    <message>
        <source>Problems in the AWS configuration files (the rest of them still works):</source>
        <translation>Probleme in den AWS-Konfigurationsdateien (der Rest davon funktioniert weiterhin):</translation>
    </message>
    <message>
        <source>Connection %1 of %2: %3</source>
        <translation>Verbindung %1 von %2: %3</translation>
    </message>
    <message>
        <source>state: %1</source>
        <translation>Zustand: %1</translation>
    </message>
    <message>
        <source>account: not known until its schedulers are listed</source>
        <translation>Konto: unbekannt, bis seine Planer aufgelistet sind</translation>
    </message>
    <message>
        <source>account: %1</source>
        <translation>Konto: %1</translation>
    </message>
    <message>
        <source>last error: %1</source>
        <translation>letzter Fehler: %1</translation>
    </message>
</context>
<context>
    <name>ui::ConnectionsDialog</name>
    <message>
        <source>Choose or type a profile.</source>
        <translation>Wählen Sie ein Profil oder geben Sie eines ein.</translation>
    </message>
    <message>
        <source>%1 is listed already.</source>
        <translation>%1 steht schon in der Liste.</translation>
    </message>
    <message>
        <source>%1 (the profile&apos;s region)</source>
        <translation>%1 (Region des Profils)</translation>
    </message>
    <message>
        <source>Connections</source>
        <translation>Verbindungen</translation>
    </message>
    <message>
        <source>Besides the profile and region chosen in the toolbar, the fleet table and the dashboard show these, each refreshed on its own:</source>
        <translation>Neben dem Profil und der Region aus der Werkzeugleiste zeigen die Flottentabelle und das Dashboard diese, jede für sich aktualisiert:</translation>
    </message>
    <message>
        <source>Further connections</source>
        <translation>Weitere Verbindungen</translation>
    </message>
    <message>
        <source>&amp;Profile:</source>
        <translation>&amp;Profil:</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>R&amp;egion:</source>
        <translation>R&amp;egion:</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>the profile&apos;s own</source>
        <translation>die des Profils</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Hinzufügen</translation>
    </message>
    <message>
        <source>Add connection</source>
        <translation>Verbindung hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>Ent&amp;fernen</translation>
    </message>
    <message>
        <source>Remove connection</source>
        <translation>Verbindung entfernen</translation>
    </message>
</context>
<context>
    <name>ui::ConnectionsStatusLabel</name>
    <message>
        <source>Connections</source>
        <translation>Verbindungen</translation>
    </message>
</context>
<context>
    <name>ui::ContributionBars</name>
    <message>
        <source>Contributing sensors</source>
        <translation>Beitragende Sensoren</translation>
    </message>
    <message>
        <source>Contributing components</source>
        <translation>Beitragende Komponenten</translation>
    </message>
    <message numerus="yes">
        <source>All others (%n)</source>
        <translation>
            <numerusform>Alle anderen (%n)</numerusform>
            <numerusform>Alle anderen (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2 (even share %3)</source>
        <translation>%1: %2 (gleicher Anteil %3)</translation>
    </message>
    <message numerus="yes">
        <source>Dashed: the share if all %n sensors contributed alike</source>
        <translation>
            <numerusform>Gestrichelt: der Anteil, wenn alle %n Sensoren gleich beitrügen</numerusform>
            <numerusform>Gestrichelt: der Anteil, wenn alle %n Sensoren gleich beitrügen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ui::CopyableFieldLabel</name>
    <message>
        <source>Copy %1</source>
        <translation>%1 kopieren</translation>
    </message>
</context>
<context>
    <name>ui::DashboardCounts</name>
    <message>
        <source>Fleet counts: %1</source>
        <translation>Flottenzahlen: %1</translation>
    </message>
</context>
<context>
    <name>ui::DashboardGroupHeader</name>
    <message>
        <source>%1 (continued) … continued on the next page</source>
        <translation>%1 (Fortsetzung) … geht auf der nächsten Seite weiter</translation>
    </message>
    <message>
        <source>%1 (continued)</source>
        <translation>%1 (Fortsetzung)</translation>
    </message>
    <message>
        <source>%1 … continued on the next page</source>
        <translation>%1 … geht auf der nächsten Seite weiter</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Gruppe</translation>
    </message>
    <message>
        <source>Last refresh of the group</source>
        <translation>Letzte Aktualisierung der Gruppe</translation>
    </message>
    <message>
        <source>Group %1: %2. %3</source>
        <translation>Gruppe %1: %2. %3</translation>
    </message>
</context>
<context>
    <name>ui::DashboardView</name>
    <message>
        <source>Dashboard</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <source>Scheduler tiles, most urgent first</source>
        <translation>Kacheln der Planer, dringendste zuerst</translation>
    </message>
    <message>
        <source>Last refresh</source>
        <translation>Letzte Aktualisierung</translation>
    </message>
    <message>
        <source>Refresh failed</source>
        <translation>Aktualisierung fehlgeschlagen</translation>
    </message>
    <message>
        <source>Waiting for the first refresh…</source>
        <translation>Warten auf die erste Aktualisierung…</translation>
    </message>
    <message>
        <source>Page of tiles shown</source>
        <translation>Angezeigte Seite der Kacheln</translation>
    </message>
    <message>
        <source>Refresh failed: hatched tiles show data from %1 (%2)</source>
        <translation>Aktualisierung fehlgeschlagen: schraffierte Kacheln zeigen Daten von %1 (%2)</translation>
    </message>
    <message>
        <source>Updated %1, at %2</source>
        <translation>Aktualisiert %1, um %2</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>Seite %1 von %2</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <comment>refresh failed — why</comment>
        <translation>%1 — %2</translation>
    </message>
    <message numerus="yes">
        <source>%n of %1 connections failing</source>
        <translation>
            <numerusform>%n von %1 Verbindungen gestört</numerusform>
            <numerusform>%n von %1 Verbindungen gestört</numerusform>
        </translation>
    </message>
    <message>
        <source>Scheduler tiles of %1, most urgent first</source>
        <translation>Kacheln der Planer von %1, dringendste zuerst</translation>
    </message>
</context>
<context>
    <name>ui::DemoEndpoint</name>
    <message>
        <source>The demo endpoint could not start: %1</source>
        <translation>Der Demo-Endpunkt konnte nicht starten: %1</translation>
    </message>
    <message>
        <source>the built-in demo endpoint</source>
        <translation>der eingebaute Demo-Endpunkt</translation>
    </message>
    <message>
        <source>the default</source>
        <translation>der Standardwert</translation>
    </message>
</context>
<context>
    <name>ui::ErrorBanner</name>
    <message>
        <source>&amp;Retry</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <source>&amp;Sign In…</source>
        <translation>&amp;Anmelden…</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <source>Sign in to IAM Identity Center for profile %1</source>
        <translation>Bei IAM Identity Center für das Profil %1 anmelden</translation>
    </message>
</context>
<context>
    <name>ui::EventTimeline</name>
    <message>
        <source>Events timeline</source>
        <translation>Zeitleiste der Ereignisse</translation>
    </message>
    <message>
        <source>No anomaly events in this interval</source>
        <translation>Keine Anomalie-Ereignisse in diesem Zeitraum</translation>
    </message>
    <message numerus="yes">
        <source>%n anomaly events</source>
        <translation>
            <numerusform>%n Anomalie-Ereignis</numerusform>
            <numerusform>%n Anomalie-Ereignisse</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n executions</source>
        <translation>
            <numerusform>%n Ausführung</numerusform>
            <numerusform>%n Ausführungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n fehlgeschlagen</numerusform>
            <numerusform>%n fehlgeschlagen</numerusform>
        </translation>
    </message>
    <message>
        <source>selected: %1</source>
        <translation>ausgewählt: %1</translation>
    </message>
</context>
<context>
    <name>ui::ExecutionHistoryTab</name>
    <message>
        <source>Inference history</source>
        <translation>Inferenzverlauf</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Alle Status</translation>
    </message>
    <message>
        <source>Execution status</source>
        <translation>Status der Ausführung</translation>
    </message>
    <message>
        <source>Executions whose data window lies in this range, counted back from now</source>
        <translation>Ausführungen, deren Datenfenster in diesem Zeitraum liegt, von jetzt an zurückgerechnet</translation>
    </message>
    <message>
        <source>Inference executions</source>
        <translation>Inferenzausführungen</translation>
    </message>
    <message>
        <source>Executions shown</source>
        <translation>Angezeigte Ausführungen</translation>
    </message>
    <message>
        <source>result object</source>
        <translation>Ergebnisobjekt</translation>
    </message>
    <message>
        <source>Result object</source>
        <translation>Ergebnisobjekt</translation>
    </message>
    <message>
        <source>Result object of the selected execution</source>
        <translation>Ergebnisobjekt der ausgewählten Ausführung</translation>
    </message>
    <message>
        <source>Result object:</source>
        <translation>Ergebnisobjekt:</translation>
    </message>
    <message>
        <source>Failed reason of the selected execution</source>
        <translation>Fehlergrund der ausgewählten Ausführung</translation>
    </message>
    <message>
        <source>The selected execution has no failed reason.</source>
        <translation>Die ausgewählte Ausführung hat keinen Fehlergrund.</translation>
    </message>
    <message>
        <source>Copy Row as &amp;JSON</source>
        <translation>Zeile als &amp;JSON kopieren</translation>
    </message>
    <message>
        <source>Copy what aws lookoutequipment list-inference-executions prints for this execution</source>
        <translation>Kopieren, was aws lookoutequipment list-inference-executions für diese Ausführung ausgibt</translation>
    </message>
    <message>
        <source>Copy every row shown, tab-separated, with a header line</source>
        <translation>Alle angezeigten Zeilen kopieren, durch Tabulatoren getrennt, mit Kopfzeile</translation>
    </message>
    <message>
        <source>Choose a scheduler to see its inference executions.</source>
        <translation>Wählen Sie einen Planer, um seine Inferenzausführungen zu sehen.</translation>
    </message>
    <message>
        <source>Executions cannot be listed without a connection.</source>
        <translation>Ohne Verbindung können keine Ausführungen aufgelistet werden.</translation>
    </message>
    <message>
        <source>The executions of %1 are listed when this tab is shown.</source>
        <translation>Die Ausführungen von %1 werden aufgelistet, wenn dieser Reiter angezeigt wird.</translation>
    </message>
    <message>
        <source>Listing the executions of %1…</source>
        <translation>Die Ausführungen von %1 werden aufgelistet…</translation>
    </message>
    <message>
        <source>The executions of %1 could not be listed.</source>
        <translation>Die Ausführungen von %1 konnten nicht aufgelistet werden.</translation>
    </message>
    <message>
        <source>%1 has no executions that match.</source>
        <translation>%1 hat keine passenden Ausführungen.</translation>
    </message>
    <message>
        <source>Could not refresh the executions of %1.</source>
        <translation>Die Ausführungen von %1 konnten nicht aktualisiert werden.</translation>
    </message>
    <message>
        <source>Could not list more executions of %1.</source>
        <translation>Weitere Ausführungen von %1 konnten nicht aufgelistet werden.</translation>
    </message>
    <message>
        <source>Could not list the executions of %1.</source>
        <translation>Die Ausführungen von %1 konnten nicht aufgelistet werden.</translation>
    </message>
    <message numerus="yes">
        <source>%1 executions shown; more load as you scroll</source>
        <translation>
            <numerusform>%1 Ausführung angezeigt; weitere werden beim Blättern geladen</numerusform>
            <numerusform>%1 Ausführungen angezeigt; weitere werden beim Blättern geladen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>All %1 executions shown</source>
        <translation>
            <numerusform>Die %1 Ausführung wird angezeigt</numerusform>
            <numerusform>Alle %1 Ausführungen angezeigt</numerusform>
        </translation>
    </message>
    <message>
        <source>no execution selected</source>
        <translation>keine Ausführung ausgewählt</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keines</translation>
    </message>
    <message>
        <source>Stat&amp;us:</source>
        <translation>Stat&amp;us:</translation>
    </message>
    <message>
        <source>Failed r&amp;eason:</source>
        <translation>F&amp;ehlergrund:</translation>
    </message>
    <message>
        <source>Copy Fai&amp;led Reason</source>
        <translation>Feh&amp;lergrund kopieren</translation>
    </message>
    <message>
        <source>Copy Result &amp;Object</source>
        <translation>Ergebnis&amp;objekt kopieren</translation>
    </message>
    <message>
        <source>Copy Rows as TS&amp;V</source>
        <translation>Zeilen als TS&amp;V kopieren</translation>
    </message>
    <message>
        <source>1 execution shown; more load as you scroll</source>
        <translation>1 Ausführung angezeigt; weitere werden beim Blättern geladen</translation>
    </message>
    <message>
        <source>The only execution is shown</source>
        <translation>Die einzige Ausführung wird angezeigt</translation>
    </message>
</context>
<context>
    <name>ui::FleetView</name>
    <message>
        <source>Copied scheduler ARN</source>
        <translation>Planer-ARN kopiert</translation>
    </message>
    <message numerus="yes">
        <source>Copied %n scheduler ARNs</source>
        <translation>
            <numerusform>%n Planer-ARN kopiert</numerusform>
            <numerusform>%n Planer-ARNs kopiert</numerusform>
        </translation>
    </message>
    <message>
        <source>Copied scheduler name</source>
        <translation>Planername kopiert</translation>
    </message>
    <message numerus="yes">
        <source>Copied %n scheduler names</source>
        <translation>
            <numerusform>%n Planername kopiert</numerusform>
            <numerusform>%n Planernamen kopiert</numerusform>
        </translation>
    </message>
    <message>
        <source>Copied model ARN</source>
        <translation>Modell-ARN kopiert</translation>
    </message>
    <message numerus="yes">
        <source>Copied %n model ARNs</source>
        <translation>
            <numerusform>%n Modell-ARN kopiert</numerusform>
            <numerusform>%n Modell-ARNs kopiert</numerusform>
        </translation>
    </message>
    <message>
        <source>All schedulers</source>
        <translation>Alle Planer</translation>
    </message>
    <message>
        <source>Status %1</source>
        <translation>Status %1</translation>
    </message>
    <message>
        <source>Latest result %1</source>
        <translation>Letztes Ergebnis %1</translation>
    </message>
    <message>
        <source>Copy Scheduler &amp;ARN</source>
        <translation>Planer-&amp;ARN kopieren</translation>
    </message>
    <message>
        <source>Copy the ARNs of the selected schedulers, one per line</source>
        <translation>Die ARNs der ausgewählten Planer kopieren, einer pro Zeile</translation>
    </message>
    <message>
        <source>Copy &amp;Name</source>
        <translation>&amp;Namen kopieren</translation>
    </message>
    <message>
        <source>Copy the names of the selected schedulers, one per line</source>
        <translation>Die Namen der ausgewählten Planer kopieren, einer pro Zeile</translation>
    </message>
    <message>
        <source>Copy &amp;Model ARN</source>
        <translation>&amp;Modell-ARN kopieren</translation>
    </message>
    <message>
        <source>Copy the model ARNs of the selected schedulers, one per line</source>
        <translation>Die Modell-ARNs der ausgewählten Planer kopieren, einer pro Zeile</translation>
    </message>
    <message>
        <source>&amp;Find Scheduler</source>
        <translation>Planer &amp;suchen</translation>
    </message>
    <message>
        <source>Filter the fleet by scheduler or model name</source>
        <translation>Die Flotte nach Planer- oder Modellname filtern</translation>
    </message>
    <message>
        <source>Select one or more schedulers to copy from</source>
        <translation>Einen oder mehrere Planer zum Kopieren auswählen</translation>
    </message>
    <message>
        <source>showing %1 of %2</source>
        <translation>%1 von %2 angezeigt</translation>
    </message>
    <message>
        <source>No scheduler matches the filter.</source>
        <translation>Kein Planer passt zum Filter.</translation>
    </message>
    <message>
        <source>Nothing to show: the fleet could not be loaded.</source>
        <translation>Nichts anzuzeigen: Die Flotte konnte nicht geladen werden.</translation>
    </message>
    <message>
        <source>Loading schedulers…</source>
        <translation>Planer werden geladen…</translation>
    </message>
    <message>
        <source>No inference schedulers here. Choose another profile or region to see a fleet.</source>
        <translation>Hier gibt es keine Inferenzplaner. Wählen Sie ein anderes Profil oder eine andere Region, um eine Flotte zu sehen.</translation>
    </message>
</context>
<context>
    <name>ui::KeyboardShortcutsDialog</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>ui::MainWindow</name>
    <message>
        <source>the region picker (saved)</source>
        <translation>die Regionsauswahl (gespeichert)</translation>
    </message>
    <message>
        <source>Lookout Desk — %1</source>
        <translation>Lookout Desk — %1</translation>
    </message>
    <message>
        <source>Lookout Desk</source>
        <translation>Lookout Desk</translation>
    </message>
    <message>
        <source>Lookout Desk main window</source>
        <translation>Hauptfenster von Lookout Desk</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>Hauptwerkzeugleiste</translation>
    </message>
    <message>
        <source>E&amp;very:</source>
        <translation>Al&amp;le:</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>Refresh the fleet and the open scheduler (F5, Ctrl+R)</source>
        <translation>Flotte und geöffneten Planer aktualisieren (F5, Strg+R)</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Pausiert</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>&amp;Pausieren</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pausieren</translation>
    </message>
    <message>
        <source>Auto-refresh is paused: click to resume (Ctrl+Shift+P)</source>
        <translation>Automatische Aktualisierung ist pausiert: zum Fortsetzen klicken (Strg+Umschalt+P)</translation>
    </message>
    <message>
        <source>Pause auto-refresh (Ctrl+Shift+P)</source>
        <translation>Automatische Aktualisierung pausieren (Strg+Umschalt+P)</translation>
    </message>
    <message>
        <source>&amp;Dashboard</source>
        <translation>&amp;Dashboard</translation>
    </message>
    <message>
        <source>Show the dashboard: one large tile per scheduler (Ctrl+D; F11 for full screen)</source>
        <translation>Dashboard anzeigen: eine große Kachel pro Planer (Strg+D; F11 für Vollbild)</translation>
    </message>
    <message>
        <source>&amp;Full Screen</source>
        <translation>&amp;Vollbild</translation>
    </message>
    <message>
        <source>Leave Full Screen</source>
        <translation>Vollbild verlassen</translation>
    </message>
    <message>
        <source>Desktop &amp;Notifications</source>
        <translation>Desktop-&amp;Benachrichtigungen</translation>
    </message>
    <message>
        <source>Notify when a scheduler turns ANOMALOUS or stops running</source>
        <translation>Benachrichtigen, wenn ein Planer ANOMALOUS wird oder nicht mehr läuft</translation>
    </message>
    <message>
        <source>This desktop has no system tray to notify through</source>
        <translation>Diese Arbeitsumgebung hat keinen Infobereich, über den benachrichtigt werden könnte</translation>
    </message>
    <message>
        <source>&amp;Manage Profiles…</source>
        <translation>Profile ver&amp;walten…</translation>
    </message>
    <message>
        <source>&amp;Connection Details…</source>
        <translation>&amp;Verbindungsdetails…</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>&amp;About Lookout Desk</source>
        <translation>Ü&amp;ber Lookout Desk</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <source>the region picker</source>
        <translation>die Regionsauswahl</translation>
    </message>
    <message>
        <source>Connected: %1</source>
        <translation>Verbunden: %1</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Nicht verbunden</translation>
    </message>
    <message>
        <source>The demo endpoint serves one region; start it with --demo --region to choose another</source>
        <translation>Der Demo-Endpunkt bedient eine Region; starten Sie ihn mit --demo --region, um eine andere zu wählen</translation>
    </message>
    <message>
        <source>Not connected.</source>
        <translation>Nicht verbunden.</translation>
    </message>
    <message>
        <source>No usable keys: choose another profile, or add one with File → Manage Profiles.</source>
        <translation>Keine verwendbaren Schlüssel: Wählen Sie ein anderes Profil oder legen Sie eines unter Datei → Profile verwalten an.</translation>
    </message>
    <message>
        <source>Choose a region in the toolbar.</source>
        <translation>Wählen Sie in der Werkzeugleiste eine Region.</translation>
    </message>
    <message>
        <source>Choose another profile in the toolbar, or create it with File → Manage Profiles.</source>
        <translation>Wählen Sie in der Werkzeugleiste ein anderes Profil oder legen Sie es unter Datei → Profile verwalten an.</translation>
    </message>
    <message>
        <source>Check the connection details (Ctrl+I).</source>
        <translation>Prüfen Sie die Verbindungsdetails (Strg+I).</translation>
    </message>
    <message>
        <source>Check the endpoint and the network, then press Retry.</source>
        <translation>Prüfen Sie Endpunkt und Netzwerk und drücken Sie dann „Wiederholen“.</translation>
    </message>
    <message>
        <source>The service is throttling: automatic refreshes slow down until one succeeds.</source>
        <translation>Der Dienst drosselt die Anfragen: Automatische Aktualisierungen werden langsamer, bis eine gelingt.</translation>
    </message>
    <message>
        <source>The profile&apos;s keys are not accepted here: choose another profile or region.</source>
        <translation>Die Schlüssel des Profils werden hier nicht akzeptiert: Wählen Sie ein anderes Profil oder eine andere Region.</translation>
    </message>
    <message>
        <source>Press Retry, or wait for the next automatic refresh.</source>
        <translation>Drücken Sie „Wiederholen“ oder warten Sie auf die nächste automatische Aktualisierung.</translation>
    </message>
    <message>
        <source>Could not refresh the fleet; showing the data of %1.</source>
        <translation>Die Flotte konnte nicht aktualisiert werden; angezeigt werden die Daten von %1.</translation>
    </message>
    <message>
        <source>Could not load the fleet.</source>
        <translation>Die Flotte konnte nicht geladen werden.</translation>
    </message>
    <message>
        <source>A refresh is already running</source>
        <translation>Eine Aktualisierung läuft bereits</translation>
    </message>
    <message>
        <source>Copy the selected schedulers&apos; ARNs (fleet table)</source>
        <translation>ARNs der ausgewählten Planer kopieren (Flottentabelle)</translation>
    </message>
    <message>
        <source>Copy the focused value (details form)</source>
        <translation>Den Wert mit dem Fokus kopieren (Detailformular)</translation>
    </message>
    <message>
        <source>Clear the filter (in the filter box)</source>
        <translation>Den Filter leeren (im Filterfeld)</translation>
    </message>
    <message>
        <source>Open the scheduler of the current tile or row</source>
        <translation>Den Planer der aktuellen Kachel oder Zeile öffnen</translation>
    </message>
    <message>
        <source>Context menu of the current row</source>
        <translation>Kontextmenü der aktuellen Zeile</translation>
    </message>
    <message>
        <source>About Lookout Desk</source>
        <translation>Über Lookout Desk</translation>
    </message>
    <message>
        <source>Lookout Desk %1
A viewer for Amazon Lookout for Equipment inference schedulers.</source>
        <translation>Lookout Desk %1
Ein Betrachter für Inferenzplaner von Amazon Lookout for Equipment.</translation>
    </message>
    <message>
        <source>&amp;Scheduler Details</source>
        <translation>Planer-De&amp;tails</translation>
    </message>
    <message>
        <source>Scheduler Res&amp;ults</source>
        <translation>Planer-&amp;Ergebnisse</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>Ergebnisse</translation>
    </message>
    <message>
        <source>Scheduler</source>
        <translation>Planer</translation>
    </message>
    <message>
        <source>Scheduler tabs</source>
        <translation>Reiter des Planers</translation>
    </message>
    <message>
        <source>Next or previous tab of the scheduler (in its pane)</source>
        <translation>Nächster oder vorheriger Reiter des Planers (in seinem Bereich)</translation>
    </message>
    <message>
        <source>Scheduler &amp;History</source>
        <translation>Planer-Ver&amp;lauf</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>Copy the current execution as JSON (history table)</source>
        <translation>Die aktuelle Ausführung als JSON kopieren (Verlaufstabelle)</translation>
    </message>
    <message>
        <source>Scheduler &amp;Events</source>
        <translation>Planer-Ere&amp;ignisse</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Ereignisse</translation>
    </message>
    <message>
        <source>Co&amp;nnections…</source>
        <translation>Verbindu&amp;ngen…</translation>
    </message>
    <message>
        <source>Watch further profiles and regions on the same fleet table and dashboard</source>
        <translation>Weitere Profile und Regionen in derselben Flottentabelle und im Dashboard beobachten</translation>
    </message>
    <message numerus="yes">
        <source>%n of %1 connections failing; their rows are stale.</source>
        <translation>
            <numerusform>%n von %1 Verbindungen gestört; ihre Zeilen sind veraltet.</numerusform>
            <numerusform>%n von %1 Verbindungen gestört; ihre Zeilen sind veraltet.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Sign In to IAM Identity Center…</source>
        <translation>Bei IAM Identity Center &amp;anmelden…</translation>
    </message>
    <message>
        <source>Sign in for the profile in the toolbar, when it uses IAM Identity Center</source>
        <translation>Für das Profil in der Werkzeugleiste anmelden, wenn es IAM Identity Center nutzt</translation>
    </message>
    <message>
        <source>Sign in to IAM Identity Center with Sign In.</source>
        <translation>Mit „Anmelden“ bei IAM Identity Center anmelden.</translation>
    </message>
    <message numerus="yes">
        <source>Lookout Desk — %n connections</source>
        <translation>
            <numerusform>Lookout Desk — %n Verbindung</numerusform>
            <numerusform>Lookout Desk — %n Verbindungen</numerusform>
        </translation>
    </message>
    <message>
        <source>Change or remove it with File → Connections.</source>
        <translation>Ändern oder entfernen Sie sie unter Datei → Verbindungen.</translation>
    </message>
</context>
<context>
    <name>ui::MfaDialog</name>
    <message>
        <source>MFA Code for %1</source>
        <translation>MFA-Code für %1</translation>
    </message>
    <message>
        <source>The profile %1 assumes its role with the MFA device %2. Enter the device&apos;s current six-digit code.</source>
        <translation>Das Profil %1 übernimmt seine Rolle mit dem MFA-Gerät %2. Geben Sie den aktuellen sechsstelligen Code des Geräts ein.</translation>
    </message>
    <message>
        <source>MFA code</source>
        <translation>MFA-Code</translation>
    </message>
    <message>
        <source>Six digits from the device %1</source>
        <translation>Sechs Ziffern vom Gerät %1</translation>
    </message>
    <message>
        <source>&amp;Code:</source>
        <translation>&amp;Code:</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>ui::ProfileDialog</name>
    <message>
        <source>New Keychain Profile</source>
        <translation>Neues Schlüsselbund-Profil</translation>
    </message>
    <message>
        <source>&amp;Delete Profile</source>
        <translation>Profil &amp;löschen</translation>
    </message>
    <message>
        <source>Delete profile</source>
        <translation>Profil löschen</translation>
    </message>
    <message>
        <source>Edit Keychain Profile</source>
        <translation>Schlüsselbund-Profil bearbeiten</translation>
    </message>
    <message>
        <source>Leave empty to keep the stored keys</source>
        <translation>Leer lassen, um die gespeicherten Schlüssel zu behalten</translation>
    </message>
    <message>
        <source>The profile name must be 1 to 64 letters, digits or . _ @ + = -, starting with a letter or digit.</source>
        <translation>Der Profilname muss aus 1 bis 64 Buchstaben, Ziffern oder . _ @ + = - bestehen und mit einem Buchstaben oder einer Ziffer beginnen.</translation>
    </message>
    <message>
        <source>The name “%1” is already used by a profile in %2. A keychain profile cannot share its name with a ~/.aws profile; choose another name.</source>
        <translation>Der Name „%1“ wird bereits von einem Profil in %2 verwendet. Ein Schlüsselbund-Profil kann seinen Namen nicht mit einem Profil aus ~/.aws teilen; wählen Sie einen anderen Namen.</translation>
    </message>
    <message>
        <source>A keychain profile named “%1” already exists. Choose another name, or edit that profile.</source>
        <translation>Ein Schlüsselbund-Profil namens „%1“ gibt es bereits. Wählen Sie einen anderen Namen oder bearbeiten Sie dieses Profil.</translation>
    </message>
    <message>
        <source>Enter both the access key ID and the secret access key, or leave all three key fields empty to keep the stored keys.</source>
        <translation>Geben Sie Zugriffsschlüssel-ID und geheimen Zugriffsschlüssel ein, oder lassen Sie alle drei Schlüsselfelder leer, um die gespeicherten Schlüssel zu behalten.</translation>
    </message>
    <message>
        <source>Enter both the access key ID and the secret access key.</source>
        <translation>Geben Sie Zugriffsschlüssel-ID und geheimen Zugriffsschlüssel ein.</translation>
    </message>
    <message>
        <source>“%1” is not a region name (for example eu-west-1).</source>
        <translation>„%1“ ist kein Regionsname (zum Beispiel eu-west-1).</translation>
    </message>
    <message>
        <source>The endpoint URL must start with https://, or with http:// for this computer only (127.0.0.1, ::1 or localhost), and have no user name, query or fragment.</source>
        <translation>Die Endpunkt-URL muss mit https:// beginnen, oder mit http:// nur für diesen Rechner (127.0.0.1, ::1 oder localhost), und darf weder Benutzername noch Abfrage oder Fragment enthalten.</translation>
    </message>
    <message>
        <source>No keychain: there is no D-Bus session bus, so the Secret Service cannot be reached. Run Lookout Desk inside your desktop session to keep keys in the keychain.</source>
        <translation>Kein Schlüsselbund: Es gibt keinen D-Bus-Sitzungsbus, daher ist der Secret Service nicht erreichbar. Starten Sie Lookout Desk in Ihrer Desktop-Sitzung, um Schlüssel im Schlüsselbund aufzubewahren.</translation>
    </message>
    <message>
        <source>No keychain: no Secret Service is running. Install and start one (GNOME Keyring, KWallet, or KeePassXC with its Secret Service integration) to keep keys in the keychain.</source>
        <translation>Kein Schlüsselbund: Es läuft kein Secret Service. Installieren und starten Sie einen (GNOME Keyring, KWallet oder KeePassXC mit Secret-Service-Integration), um Schlüssel im Schlüsselbund aufzubewahren.</translation>
    </message>
    <message>
        <source>No keychain: the Secret Service has no usable default keyring. Create or unlock your login keyring, for example with Seahorse.</source>
        <translation>Kein Schlüsselbund: Der Secret Service hat keinen verwendbaren Standard-Schlüsselbund. Legen Sie Ihren Anmelde-Schlüsselbund an oder entsperren Sie ihn, zum Beispiel mit Seahorse.</translation>
    </message>
    <message>
        <source>The keychain is locked. Unlock your keyring, then save again to keep the keys there.</source>
        <translation>Der Schlüsselbund ist gesperrt. Entsperren Sie ihn und speichern Sie dann erneut, um die Schlüssel dort aufzubewahren.</translation>
    </message>
    <message>
        <source>Access to the keychain was denied. Allow Lookout Desk to use it, then save again.</source>
        <translation>Der Zugriff auf den Schlüsselbund wurde verweigert. Erlauben Sie Lookout Desk den Zugriff und speichern Sie dann erneut.</translation>
    </message>
    <message>
        <source>The keychain did not answer in time; it may be waiting for you to unlock it.</source>
        <translation>Der Schlüsselbund hat nicht rechtzeitig geantwortet; vielleicht wartet er darauf, dass Sie ihn entsperren.</translation>
    </message>
    <message>
        <source>The keychain could not store the keys.</source>
        <translation>Der Schlüsselbund konnte die Schlüssel nicht speichern.</translation>
    </message>
    <message>
        <source>The keys are kept in memory for this session only and are not written anywhere; you will be asked for them again next time.</source>
        <translation>Die Schlüssel bleiben nur für diese Sitzung im Arbeitsspeicher und werden nirgends geschrieben; beim nächsten Mal werden Sie erneut danach gefragt.</translation>
    </message>
    <message>
        <source>The profile could not be saved: %1</source>
        <translation>Das Profil konnte nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>Saving the keys in the keychain…</source>
        <translation>Die Schlüssel werden im Schlüsselbund gespeichert…</translation>
    </message>
    <message>
        <source>Delete Profile</source>
        <translation>Profil löschen</translation>
    </message>
    <message>
        <source>Delete the profile “%1” and its keys from the keychain?</source>
        <translation>Das Profil „%1“ und seine Schlüssel aus dem Schlüsselbund löschen?</translation>
    </message>
    <message>
        <source>Confirm deletion</source>
        <translation>Löschen bestätigen</translation>
    </message>
    <message>
        <source>The profile was kept; delete it again once the keychain can be reached.</source>
        <translation>Das Profil wurde behalten; löschen Sie es erneut, sobald der Schlüsselbund erreichbar ist.</translation>
    </message>
    <message>
        <source>The profile could not be deleted: %1</source>
        <translation>Das Profil konnte nicht gelöscht werden: %1</translation>
    </message>
</context>
<context>
    <name>ui::ProfilePicker</name>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>The AWS profile to connect with</source>
        <translation>Das AWS-Profil für die Verbindung</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>Umgebung</translation>
    </message>
    <message>
        <source>Keys from AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, as the AWS CLI uses without --profile</source>
        <translation>Schlüssel aus AWS_ACCESS_KEY_ID und AWS_SECRET_ACCESS_KEY, wie die AWS CLI sie ohne --profile verwendet</translation>
    </message>
    <message>
        <source>%1 (keychain)</source>
        <translation>%1 (Schlüsselbund)</translation>
    </message>
    <message>
        <source>%1 (this session only)</source>
        <translation>%1 (nur diese Sitzung)</translation>
    </message>
    <message>
        <source>Demo</source>
        <translation>Demo</translation>
    </message>
    <message>
        <source>The built-in demo endpoint: an emulated fleet, no AWS account needed</source>
        <translation>Der eingebaute Demo-Endpunkt: eine emulierte Flotte, kein AWS-Konto nötig</translation>
    </message>
    <message>
        <source>%1 (not found)</source>
        <translation>%1 (nicht gefunden)</translation>
    </message>
    <message>
        <source>No ~/.aws file or keychain profile defines %1</source>
        <translation>Keine Datei in ~/.aws und kein Schlüsselbund-Profil definiert %1</translation>
    </message>
</context>
<context>
    <name>ui::QtControlNames</name>
    <message>
        <source>Clear</source>
        <translation>Leeren</translation>
    </message>
    <message>
        <source>Select all</source>
        <translation>Alle auswählen</translation>
    </message>
    <message>
        <source>More tools</source>
        <translation>Weitere Werkzeuge</translation>
    </message>
    <message>
        <source>More menus</source>
        <translation>Weitere Menüs</translation>
    </message>
</context>
<context>
    <name>ui::RefreshIntervalComboBox</name>
    <message>
        <source>Off</source>
        <translation>Aus</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>Refresh interval</source>
        <translation>Aktualisierungsintervall</translation>
    </message>
    <message>
        <source>How often the fleet and the open scheduler are refreshed</source>
        <translation>Wie oft die Flotte und der geöffnete Planer aktualisiert werden</translation>
    </message>
</context>
<context>
    <name>ui::RefreshStatusLabel</name>
    <message>
        <source>Auto-refresh state</source>
        <translation>Zustand der automatischen Aktualisierung</translation>
    </message>
    <message>
        <source>Refreshing…</source>
        <translation>Wird aktualisiert…</translation>
    </message>
    <message>
        <source>Auto-refresh off</source>
        <translation>Automatische Aktualisierung aus</translation>
    </message>
    <message>
        <source>Auto-refresh paused</source>
        <translation>Automatische Aktualisierung pausiert</translation>
    </message>
    <message>
        <source>Throttled by the service: refreshing every %1 until a refresh succeeds</source>
        <translation>Vom Dienst gedrosselt: Aktualisierung alle %1, bis eine Aktualisierung gelingt</translation>
    </message>
    <message>
        <source>Auto-refresh every %1</source>
        <translation>Automatische Aktualisierung alle %1</translation>
    </message>
    <message>
        <source>next now</source>
        <translation>nächste jetzt</translation>
    </message>
    <message>
        <source>next in %1</source>
        <translation>nächste in %1</translation>
    </message>
</context>
<context>
    <name>ui::RegionPicker</name>
    <message>
        <source>Region</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>The AWS region: pick one or type its name and press Enter</source>
        <translation>Die AWS-Region: eine auswählen oder ihren Namen eingeben und Eingabe drücken</translation>
    </message>
    <message>
        <source>Choose a region</source>
        <translation>Region wählen</translation>
    </message>
</context>
<context>
    <name>ui::ResultsChart</name>
    <message>
        <source>Anomaly score chart</source>
        <translation>Diagramm der Anomaliewerte</translation>
    </message>
    <message>
        <source>No data at %1</source>
        <translation>Keine Daten um %1</translation>
    </message>
    <message>
        <source>Anomaly score: %1</source>
        <translation>Anomaliewert: %1</translation>
    </message>
    <message>
        <source>Anomaly score: not set</source>
        <translation>Anomaliewert: nicht gesetzt</translation>
    </message>
    <message>
        <source>Reason: not set</source>
        <translation>Grund: nicht gesetzt</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>Grund: %1</translation>
    </message>
    <message numerus="yes">
        <source>Event %1 to %2 (predictions: %n)</source>
        <translation>
            <numerusform>Ereignis %1 bis %2 (Vorhersagen: %n)</numerusform>
            <numerusform>Ereignis %1 bis %2 (Vorhersagen: %n)</numerusform>
        </translation>
    </message>
    <message>
        <source>No results</source>
        <translation>Keine Ergebnisse</translation>
    </message>
    <message numerus="yes">
        <source>Predictions from %1 to %2: %n</source>
        <translation>
            <numerusform>Vorhersagen von %1 bis %2: %n</numerusform>
            <numerusform>Vorhersagen von %1 bis %2: %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Events: %n</source>
        <translation>
            <numerusform>Ereignisse: %n</numerusform>
            <numerusform>Ereignisse: %n</numerusform>
        </translation>
    </message>
    <message>
        <source>showing %1 to %2</source>
        <translation>angezeigt: %1 bis %2</translation>
    </message>
    <message>
        <source>Anomaly score</source>
        <translation>Anomaliewert</translation>
    </message>
    <message>
        <source>Anomaly</source>
        <translation>Anomalie</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>Normal</translation>
    </message>
    <message>
        <source>Machine off</source>
        <translation>Maschine aus</translation>
    </message>
    <message>
        <source>No data</source>
        <translation>Keine Daten</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 bis %2</translation>
    </message>
</context>
<context>
    <name>ui::ResultsPane</name>
    <message>
        <source>Sum per &amp;component</source>
        <translation>Je &amp;Komponente summieren</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>Ergebnisse</translation>
    </message>
    <message>
        <source>No results</source>
        <translation>Keine Ergebnisse</translation>
    </message>
    <message>
        <source>Select an event or a time in the chart or the tables to see which sensors contributed.</source>
        <translation>Wählen Sie ein Ereignis oder einen Zeitpunkt im Diagramm oder in den Tabellen, um die beitragenden Sensoren zu sehen.</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Ereignisse</translation>
    </message>
    <message>
        <source>Predictions</source>
        <translation>Vorhersagen</translation>
    </message>
    <message>
        <source>Contributing sensors</source>
        <translation>Beitragende Sensoren</translation>
    </message>
    <message>
        <source>&amp;Events</source>
        <translation>&amp;Ereignisse</translation>
    </message>
    <message>
        <source>&amp;Predictions</source>
        <translation>&amp;Vorhersagen</translation>
    </message>
    <message>
        <source>Se&amp;nsors</source>
        <translation>Se&amp;nsoren</translation>
    </message>
    <message>
        <source>Results tables</source>
        <translation>Ergebnistabellen</translation>
    </message>
    <message>
        <source>Nothing selected</source>
        <translation>Nichts ausgewählt</translation>
    </message>
    <message>
        <source>Selected time or event</source>
        <translation>Ausgewählter Zeitpunkt oder ausgewähltes Ereignis</translation>
    </message>
    <message>
        <source>Sum the shares per component</source>
        <translation>Die Anteile je Komponente summieren</translation>
    </message>
    <message>
        <source>A component is the part of a sensor&apos;s name before the backslash</source>
        <translation>Eine Komponente ist der Teil des Sensornamens vor dem Backslash</translation>
    </message>
    <message>
        <source>Copy as CSV</source>
        <translation>Als CSV kopieren</translation>
    </message>
    <message>
        <source>Loading progress</source>
        <translation>Ladefortschritt</translation>
    </message>
    <message>
        <source>Cancel loading</source>
        <translation>Laden abbrechen</translation>
    </message>
    <message>
        <source>Stop loading and keep what has arrived</source>
        <translation>Laden beenden und behalten, was angekommen ist</translation>
    </message>
    <message>
        <source>Loading status</source>
        <translation>Ladestatus</translation>
    </message>
    <message>
        <source>Listing %1…</source>
        <translation>%1 wird aufgelistet…</translation>
    </message>
    <message>
        <source>Listing the results…</source>
        <translation>Die Ergebnisse werden aufgelistet…</translation>
    </message>
    <message>
        <source>Could not list the results</source>
        <translation>Die Ergebnisse konnten nicht aufgelistet werden</translation>
    </message>
    <message>
        <source>Could not read results from %1.</source>
        <translation>Die Ergebnisse aus %1 konnten nicht gelesen werden.</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Cancelled before the listing arrived</source>
        <translation>Abgebrochen, bevor die Auflistung ankam</translation>
    </message>
    <message numerus="yes">
        <source>Files read: %1 of %n; %2 of %3</source>
        <translation>
            <numerusform>Gelesene Dateien: %1 von %n; %2 von %3</numerusform>
            <numerusform>Gelesene Dateien: %1 von %n; %2 von %3</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Predictions: %n</source>
        <translation>
            <numerusform>Vorhersagen: %n</numerusform>
            <numerusform>Vorhersagen: %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>events: %n</source>
        <translation>
            <numerusform>Ereignisse: %n</numerusform>
            <numerusform>Ereignisse: %n</numerusform>
        </translation>
    </message>
    <message>
        <source>No results in %1.</source>
        <translation>Keine Ergebnisse in %1.</translation>
    </message>
    <message>
        <source>No file named results.jsonl was found in it or in its folders.</source>
        <translation>Weder darin noch in seinen Ordnern wurde eine Datei namens results.jsonl gefunden.</translation>
    </message>
    <message>
        <source>No results in this range</source>
        <translation>Keine Ergebnisse in diesem Zeitraum</translation>
    </message>
    <message numerus="yes">
        <source>%1; files: %n (%2)</source>
        <translation>
            <numerusform>%1; Dateien: %n (%2)</numerusform>
            <numerusform>%1; Dateien: %n (%2)</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not read the results</source>
        <translation>Die Ergebnisse konnten nicht gelesen werden</translation>
    </message>
    <message numerus="yes">
        <source>Cancelled with %1 of %n files read. Shown: %2</source>
        <translation>
            <numerusform>Abgebrochen, %1 von %n Datei gelesen. Angezeigt: %2</numerusform>
            <numerusform>Abgebrochen, %1 von %n Dateien gelesen. Angezeigt: %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Event from %1 to %2 (predictions: %n)</source>
        <translation>
            <numerusform>Ereignis von %1 bis %2 (Vorhersagen: %n)</numerusform>
            <numerusform>Ereignis von %1 bis %2 (Vorhersagen: %n)</numerusform>
        </translation>
    </message>
    <message>
        <source>Prediction at %1</source>
        <translation>Vorhersage um %1</translation>
    </message>
    <message>
        <source>Prediction at %1: no diagnostics</source>
        <translation>Vorhersage um %1: keine Diagnosen</translation>
    </message>
    <message>
        <source>Copied the %1 table as CSV</source>
        <translation>Die Tabelle %1 wurde als CSV kopiert</translation>
    </message>
    <message>
        <source>SVG images (*.svg)</source>
        <translation>SVG-Bilder (*.svg)</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG-Bilder (*.png)</translation>
    </message>
    <message>
        <source>Export Chart as SVG</source>
        <translation>Diagramm als SVG exportieren</translation>
    </message>
    <message>
        <source>Export Chart as PNG</source>
        <translation>Diagramm als PNG exportieren</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 gespeichert</translation>
    </message>
</context>
<context>
    <name>ui::ResultsRangeChooser</name>
    <message>
        <source>&amp;Show</source>
        <translation>&amp;Anzeigen</translation>
    </message>
    <message>
        <source>&amp;Range:</source>
        <translation>&amp;Zeitraum:</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>&amp;Von</translation>
    </message>
    <message>
        <source>&amp;to</source>
        <translation>&amp;bis</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>Letzte 24 Stunden</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Letzte 7 Tage</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Letzte 30 Tage</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>Custom…</source>
        <translation>Eigener Zeitraum…</translation>
    </message>
    <message>
        <source>Time range</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <source>Relative to the newest result, not to now: the schedulers have stopped</source>
        <translation>Gezählt ab dem neuesten Ergebnis, nicht ab jetzt: die Planer laufen nicht mehr</translation>
    </message>
    <message>
        <source>Custom range start (UTC)</source>
        <translation>Beginn des eigenen Zeitraums (UTC)</translation>
    </message>
    <message>
        <source>Custom range end (UTC)</source>
        <translation>Ende des eigenen Zeitraums (UTC)</translation>
    </message>
    <message>
        <source>Show the custom range</source>
        <translation>Den eigenen Zeitraum anzeigen</translation>
    </message>
</context>
<context>
    <name>ui::ResultsReportView</name>
    <message>
        <source>&amp;Details</source>
        <translation>&amp;Details</translation>
    </message>
    <message>
        <source>Show what was left out</source>
        <translation>Zeigen, was ausgelassen wurde</translation>
    </message>
    <message>
        <source>Lines and files left out</source>
        <translation>Ausgelassene Zeilen und Dateien</translation>
    </message>
    <message>
        <source>What reading the results left out</source>
        <translation>Was beim Lesen der Ergebnisse ausgelassen wurde</translation>
    </message>
    <message numerus="yes">
        <source>Malformed lines skipped: %n</source>
        <translation>
            <numerusform>Fehlerhafte Zeilen übersprungen: %n</numerusform>
            <numerusform>Fehlerhafte Zeilen übersprungen: %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Lines read in part: %n</source>
        <translation>
            <numerusform>Teilweise gelesene Zeilen: %n</numerusform>
            <numerusform>Teilweise gelesene Zeilen: %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Files not read: %n</source>
        <translation>
            <numerusform>Nicht gelesene Dateien: %n</numerusform>
            <numerusform>Nicht gelesene Dateien: %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Folder entries not read: %n</source>
        <translation>
            <numerusform>Nicht gelesene Einträge des Ordners: %n</numerusform>
            <numerusform>Nicht gelesene Einträge des Ordners: %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… und %n weiteres</numerusform>
            <numerusform>… und %n weitere</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: not read: %2</source>
        <translation>%1: nicht gelesen: %2</translation>
    </message>
</context>
<context>
    <name>ui::ResultsWindow</name>
    <message>
        <source>Results: %1 – Lookout Desk</source>
        <translation>Ergebnisse: %1 – Lookout Desk</translation>
    </message>
    <message>
        <source>Results of %1</source>
        <translation>Ergebnisse von %1</translation>
    </message>
    <message>
        <source>Stop loading and keep what has arrived (Esc)</source>
        <translation>Laden beenden und behalten, was angekommen ist (Esc)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>Export Chart as &amp;PNG…</source>
        <translation>Diagramm als &amp;PNG exportieren…</translation>
    </message>
    <message>
        <source>Export Chart as &amp;SVG…</source>
        <translation>Diagramm als &amp;SVG exportieren…</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Schließen</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Copy Whole Table as CSV</source>
        <translation>Ganze Tabelle als CSV &amp;kopieren</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>&amp;Neu laden</translation>
    </message>
    <message>
        <source>Go to the &amp;Chart</source>
        <translation>Zum &amp;Diagramm</translation>
    </message>
    <message>
        <source>Show &amp;All of the Range</source>
        <translation>Den ganzen &amp;Zeitraum zeigen</translation>
    </message>
</context>
<context>
    <name>ui::SchedulerActions</name>
    <message>
        <source>S&amp;tart Schedulers…</source>
        <translation>Planer s&amp;tarten…</translation>
    </message>
    <message>
        <source>Start the selected schedulers that are stopped, after a confirmation (Ctrl+Shift+S)</source>
        <translation>Die ausgewählten gestoppten Planer nach einer Bestätigung starten (Strg+Umschalt+S)</translation>
    </message>
    <message>
        <source>Sto&amp;p Schedulers…</source>
        <translation>Planer st&amp;oppen…</translation>
    </message>
    <message>
        <source>Stop the selected schedulers that are running, after a confirmation (Ctrl+Shift+X)</source>
        <translation>Die ausgewählten laufenden Planer nach einer Bestätigung stoppen (Strg+Umschalt+X)</translation>
    </message>
    <message>
        <source>Start…</source>
        <translation>Starten…</translation>
    </message>
    <message>
        <source>Start this scheduler, after a confirmation</source>
        <translation>Diesen Planer nach einer Bestätigung starten</translation>
    </message>
    <message>
        <source>Stop…</source>
        <translation>Stoppen…</translation>
    </message>
    <message>
        <source>Stop this scheduler, after a confirmation</source>
        <translation>Diesen Planer nach einer Bestätigung stoppen</translation>
    </message>
    <message>
        <source>Nothing to start: only a stopped scheduler can be started</source>
        <translation>Nichts zu starten: nur ein gestoppter Planer kann gestartet werden</translation>
    </message>
    <message>
        <source>Nothing to stop: only a running scheduler can be stopped</source>
        <translation>Nichts zu stoppen: nur ein laufender Planer kann gestoppt werden</translation>
    </message>
    <message>
        <source>Start Schedulers</source>
        <translation>Planer starten</translation>
    </message>
    <message>
        <source>Stop Schedulers</source>
        <translation>Planer stoppen</translation>
    </message>
    <message>
        <source>1 selected scheduler is not stopped and is skipped.</source>
        <translation>1 ausgewählter Planer ist nicht gestoppt und wird übersprungen.</translation>
    </message>
    <message numerus="yes">
        <source>%n selected schedulers are not stopped and are skipped.</source>
        <translation>
            <numerusform>%n ausgewählter Planer ist nicht gestoppt und wird übersprungen.</numerusform>
            <numerusform>%n ausgewählte Planer sind nicht gestoppt und werden übersprungen.</numerusform>
        </translation>
    </message>
    <message>
        <source>1 selected scheduler is not running and is skipped.</source>
        <translation>1 ausgewählter Planer läuft nicht und wird übersprungen.</translation>
    </message>
    <message numerus="yes">
        <source>%n selected schedulers are not running and are skipped.</source>
        <translation>
            <numerusform>%n ausgewählter Planer läuft nicht und wird übersprungen.</numerusform>
            <numerusform>%n ausgewählte Planer laufen nicht und werden übersprungen.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>&amp;Starten</translation>
    </message>
    <message>
        <source>Sto&amp;p</source>
        <translation>St&amp;oppen</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Starten</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stoppen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Not sent: a start or stop is still running, or there is no connection</source>
        <translation>Nicht gesendet: ein Starten oder Stoppen läuft noch, oder es besteht keine Verbindung</translation>
    </message>
    <message>
        <source>Start %1?</source>
        <translation>%1 starten?</translation>
    </message>
    <message>
        <source>Stop %1?</source>
        <translation>%1 stoppen?</translation>
    </message>
    <message numerus="yes">
        <source>Start %n schedulers?</source>
        <translation>
            <numerusform>%n Planer starten?</numerusform>
            <numerusform>%n Planer starten?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Stop %n schedulers?</source>
        <translation>
            <numerusform>%n Planer stoppen?</numerusform>
            <numerusform>%n Planer stoppen?</numerusform>
        </translation>
    </message>
    <message>
        <source>It goes PENDING, then RUNNING: it runs inference on every upload of new data and writes its results, until it is stopped.</source>
        <translation>Er wird PENDING, dann RUNNING: er führt bei jedem Hochladen neuer Daten die Inferenz aus und schreibt seine Ergebnisse, bis er gestoppt wird.</translation>
    </message>
    <message>
        <source>Each goes PENDING, then RUNNING: it runs inference on every upload of new data and writes its results, until it is stopped.</source>
        <translation>Jeder wird PENDING, dann RUNNING: er führt bei jedem Hochladen neuer Daten die Inferenz aus und schreibt seine Ergebnisse, bis er gestoppt wird.</translation>
    </message>
    <message>
        <source>It goes STOPPING, then STOPPED: no inference runs and no results are written until it is started again.</source>
        <translation>Er wird STOPPING, dann STOPPED: es läuft keine Inferenz und es werden keine Ergebnisse geschrieben, bis er wieder gestartet wird.</translation>
    </message>
    <message>
        <source>Each goes STOPPING, then STOPPED: no inference runs and no results are written until it is started again.</source>
        <translation>Jeder wird STOPPING, dann STOPPED: es läuft keine Inferenz und es werden keine Ergebnisse geschrieben, bis er wieder gestartet wird.</translation>
    </message>
    <message>
        <source>To start:</source>
        <translation>Zu starten:</translation>
    </message>
    <message>
        <source>To stop:</source>
        <translation>Zu stoppen:</translation>
    </message>
    <message>
        <source>Skipped:</source>
        <translation>Übersprungen:</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>ui::SchedulerDetailsView</name>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>Fetch the scheduler&apos;s description again</source>
        <translation>Die Beschreibung des Planers erneut abrufen</translation>
    </message>
    <message>
        <source>Copy Scheduler &amp;ARN</source>
        <translation>Planer-&amp;ARN kopieren</translation>
    </message>
    <message>
        <source>Copy as &amp;JSON</source>
        <translation>Als &amp;JSON kopieren</translation>
    </message>
    <message>
        <source>Copy the scheduler as the AWS CLI prints it</source>
        <translation>Den Planer so kopieren, wie die AWS CLI ihn ausgibt</translation>
    </message>
    <message>
        <source>Copied %1 as JSON</source>
        <translation>%1 als JSON kopiert</translation>
    </message>
    <message>
        <source>Copy AWS &amp;CLI Command</source>
        <translation>AWS-&amp;CLI-Befehl kopieren</translation>
    </message>
    <message>
        <source>Copy the %1 command that describes this scheduler</source>
        <translation>Den Befehl %1 kopieren, der diesen Planer beschreibt</translation>
    </message>
    <message>
        <source>Copied the AWS CLI command</source>
        <translation>AWS-CLI-Befehl kopiert</translation>
    </message>
    <message>
        <source>&amp;Copy Value</source>
        <translation>Wert &amp;kopieren</translation>
    </message>
    <message>
        <source>Choose an inference scheduler to see its details.</source>
        <translation>Wählen Sie einen Inferenzplaner, um seine Details zu sehen.</translation>
    </message>
    <message>
        <source>Not connected: choose a profile and a region to see %1.</source>
        <translation>Nicht verbunden: Wählen Sie Profil und Region, um %1 zu sehen.</translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation>%1 wird geladen…</translation>
    </message>
    <message>
        <source>Could not load %1.</source>
        <translation>%1 konnte nicht geladen werden.</translation>
    </message>
    <message>
        <source>Inference scheduler %1 no longer exists.</source>
        <translation>Den Inferenzplaner %1 gibt es nicht mehr.</translation>
    </message>
    <message>
        <source>Inference scheduler %1 does not exist in %2.</source>
        <translation>Den Inferenzplaner %1 gibt es in %2 nicht.</translation>
    </message>
    <message>
        <source>Could not refresh %1.</source>
        <translation>%1 konnte nicht aktualisiert werden.</translation>
    </message>
    <message>
        <source>Stale: from before the last failed refresh.</source>
        <translation>Veraltet: von vor der letzten fehlgeschlagenen Aktualisierung.</translation>
    </message>
    <message>
        <source>Updated %1, %2</source>
        <translation>Aktualisiert: %1, %2</translation>
    </message>
    <message>
        <source>Stale since %1 — %2</source>
        <translation>Veraltet seit %1 — %2</translation>
    </message>
    <message>
        <source>%1 · refreshing…</source>
        <translation>%1 · wird aktualisiert…</translation>
    </message>
    <message>
        <source>Nothing to copy: the %1 is not set.</source>
        <translation>Nichts zu kopieren: „%1“ ist nicht gesetzt.</translation>
    </message>
    <message>
        <source>Copied %1</source>
        <translation>%1 kopiert</translation>
    </message>
</context>
<context>
    <name>ui::SchedulerEventsTab</name>
    <message>
        <source>&amp;Reload Events</source>
        <translation>Ereignisse &amp;neu laden</translation>
    </message>
    <message>
        <source>Scheduler events</source>
        <translation>Ereignisse des Planers</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Ereignisse</translation>
    </message>
    <message>
        <source>Relative to now; All runs from the scheduler&apos;s creation</source>
        <translation>Bezogen auf jetzt; „Alle“ reicht bis zur Erstellung des Planers zurück</translation>
    </message>
    <message>
        <source>Events time range</source>
        <translation>Zeitraum der Ereignisse</translation>
    </message>
    <message>
        <source>Reload Events</source>
        <translation>Ereignisse neu laden</translation>
    </message>
    <message>
        <source>Events summary</source>
        <translation>Zusammenfassung der Ereignisse</translation>
    </message>
    <message>
        <source>Anomaly events</source>
        <translation>Anomalie-Ereignisse</translation>
    </message>
    <message>
        <source>Contributing sensors of the selected event</source>
        <translation>Beitragende Sensoren des gewählten Ereignisses</translation>
    </message>
    <message>
        <source>Diagnostics of the selected event</source>
        <translation>Diagnose des gewählten Ereignisses</translation>
    </message>
    <message>
        <source>Selected event</source>
        <translation>Gewähltes Ereignis</translation>
    </message>
    <message>
        <source>Choose a scheduler to see its anomaly events.</source>
        <translation>Wählen Sie einen Planer, um seine Anomalie-Ereignisse zu sehen.</translation>
    </message>
    <message>
        <source>The anomaly events of %1 are loaded when this tab is shown.</source>
        <translation>Die Anomalie-Ereignisse von %1 werden geladen, wenn dieser Reiter gezeigt wird.</translation>
    </message>
    <message>
        <source>Events cannot be listed without a connection.</source>
        <translation>Ohne Verbindung lassen sich keine Ereignisse auflisten.</translation>
    </message>
    <message>
        <source>Fetching %1…</source>
        <translation>%1 wird abgerufen …</translation>
    </message>
    <message>
        <source>%1 could not be fetched: see the Details tab.</source>
        <translation>%1 konnte nicht abgerufen werden: siehe Reiter „Details“.</translation>
    </message>
    <message>
        <source>Could not list the anomaly events of %1.</source>
        <translation>Die Anomalie-Ereignisse von %1 konnten nicht aufgelistet werden.</translation>
    </message>
    <message>
        <source>Could not list the executions of %1.</source>
        <translation>Die Ausführungen von %1 konnten nicht aufgelistet werden.</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen …</translation>
    </message>
    <message numerus="yes">
        <source>%n anomaly events</source>
        <translation>
            <numerusform>%n Anomalie-Ereignis</numerusform>
            <numerusform>%n Anomalie-Ereignisse</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n executions, %1 failed</source>
        <translation>
            <numerusform>%n Ausführung, %1 fehlgeschlagen</numerusform>
            <numerusform>%n Ausführungen, %1 fehlgeschlagen</numerusform>
        </translation>
    </message>
    <message>
        <source>Select an event in the timeline or the table to see the sensors that contributed.</source>
        <translation>Wählen Sie ein Ereignis in der Zeitleiste oder der Tabelle, um die beitragenden Sensoren zu sehen.</translation>
    </message>
    <message>
        <source>The service sent no diagnostics for this event.</source>
        <translation>Der Dienst hat zu diesem Ereignis keine Diagnose gesendet.</translation>
    </message>
    <message>
        <source>The service listed no contributing sensors for this event.</source>
        <translation>Der Dienst hat zu diesem Ereignis keine beitragenden Sensoren angegeben.</translation>
    </message>
    <message>
        <source>1 anomaly event</source>
        <translation>1 Anomalie-Ereignis</translation>
    </message>
    <message>
        <source>1 execution, failed</source>
        <translation>1 Ausführung, fehlgeschlagen</translation>
    </message>
    <message>
        <source>1 execution</source>
        <translation>1 Ausführung</translation>
    </message>
</context>
<context>
    <name>ui::SchedulerResultsTab</name>
    <message>
        <source>Scheduler results</source>
        <translation>Ergebnisse des Planers</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>Ergebnisse</translation>
    </message>
    <message>
        <source>Choose a scheduler to see its results.</source>
        <translation>Wählen Sie einen Planer, um seine Ergebnisse zu sehen.</translation>
    </message>
    <message>
        <source>The results of %1 are loaded when this tab is shown.</source>
        <translation>Die Ergebnisse von %1 werden geladen, sobald dieser Reiter gezeigt wird.</translation>
    </message>
    <message>
        <source>Finding where %1 writes its results…</source>
        <translation>Es wird ermittelt, wohin %1 seine Ergebnisse schreibt …</translation>
    </message>
    <message>
        <source>Where %1 writes its results is not known: see the Details tab.</source>
        <translation>Wohin %1 seine Ergebnisse schreibt, ist nicht bekannt: siehe Reiter „Details“.</translation>
    </message>
    <message>
        <source>Results cannot be read without a connection.</source>
        <translation>Ohne Verbindung können keine Ergebnisse gelesen werden.</translation>
    </message>
    <message>
        <source>&amp;Reload Results</source>
        <translation>Ergebnisse &amp;neu laden</translation>
    </message>
    <message>
        <source>Copy &amp;Table as CSV</source>
        <translation>&amp;Tabelle als CSV kopieren</translation>
    </message>
    <message>
        <source>Export Chart as &amp;PNG…</source>
        <translation>Diagramm als &amp;PNG exportieren…</translation>
    </message>
    <message>
        <source>Export Chart as &amp;SVG…</source>
        <translation>Diagramm als &amp;SVG exportieren…</translation>
    </message>
    <message>
        <source>&amp;Export Chart</source>
        <translation>Diagramm &amp;exportieren</translation>
    </message>
    <message>
        <source>Export Chart</source>
        <translation>Diagramm exportieren</translation>
    </message>
</context>
<context>
    <name>ui::SsoSignInDialog</name>
    <message>
        <source>&amp;Copy Code</source>
        <translation>Code &amp;kopieren</translation>
    </message>
    <message>
        <source>&amp;Open Browser</source>
        <translation>Im Browser ö&amp;ffnen</translation>
    </message>
    <message>
        <source>&amp;Try Again</source>
        <translation>&amp;Erneut versuchen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Sign In to IAM Identity Center</source>
        <translation>Bei IAM Identity Center anmelden</translation>
    </message>
    <message>
        <source>Profile %1 signs in at %2. Open this page, check that it shows the code below, and approve the sign-in.</source>
        <translation>Das Profil %1 meldet sich bei %2 an. Öffnen Sie diese Seite, prüfen Sie, dass sie den Code unten zeigt, und bestätigen Sie die Anmeldung.</translation>
    </message>
    <message>
        <source>Verification page</source>
        <translation>Bestätigungsseite</translation>
    </message>
    <message>
        <source>Code:</source>
        <translation>Code:</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Sign-in status</source>
        <translation>Anmeldestatus</translation>
    </message>
    <message>
        <source>Copy code</source>
        <translation>Code kopieren</translation>
    </message>
    <message>
        <source>Open browser</source>
        <translation>Browser öffnen</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>No browser could be opened: open the page above yourself.</source>
        <translation>Es ließ sich kein Browser öffnen: Öffnen Sie die Seite oben selbst.</translation>
    </message>
    <message>
        <source>Asking IAM Identity Center for a code…</source>
        <translation>IAM Identity Center wird nach einem Code gefragt …</translation>
    </message>
    <message>
        <source>Waiting for the sign-in to be approved in the browser. The code is good until %1.</source>
        <translation>Warten auf die Bestätigung der Anmeldung im Browser. Der Code gilt bis %1.</translation>
    </message>
    <message>
        <source>Signed in.</source>
        <translation>Angemeldet.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>The code expired before the sign-in was approved. Press Try Again for a new code.</source>
        <translation>Der Code ist abgelaufen, bevor die Anmeldung bestätigt wurde. Klicken Sie auf „Erneut versuchen“, um einen neuen Code zu erhalten.</translation>
    </message>
    <message>
        <source>The sign-in was refused in the browser. Press Try Again to start over.</source>
        <translation>Die Anmeldung wurde im Browser abgelehnt. Klicken Sie auf „Erneut versuchen“, um neu zu beginnen.</translation>
    </message>
    <message>
        <source>Could not sign in: %1</source>
        <translation>Anmeldung fehlgeschlagen: %1</translation>
    </message>
</context>
<context>
    <name>ui::StatusBadge</name>
    <message>
        <source>not set</source>
        <translation>nicht gesetzt</translation>
    </message>
    <message>
        <source>%1: not set</source>
        <translation>%1: nicht gesetzt</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>field name: status value</comment>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Stale: from before the last failed refresh.</source>
        <translation>Veraltet: von vor der letzten fehlgeschlagenen Aktualisierung.</translation>
    </message>
    <message>
        <source>%1 Stale: from before the last failed refresh.</source>
        <translation>%1 Veraltet: von vor der letzten fehlgeschlagenen Aktualisierung.</translation>
    </message>
</context>
<context>
    <name>ui::TrayNotifier</name>
    <message>
        <source>Lookout Desk: notifies when a scheduler turns ANOMALOUS or stops running</source>
        <translation>Lookout Desk: benachrichtigt, wenn ein Planer ANOMALOUS wird oder nicht mehr läuft</translation>
    </message>
</context>
</TS>
