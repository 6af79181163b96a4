<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AboutPage</name>
    <message>
        <location filename="../../ui/common/first_run.py" line="55"/>
        <source>What Testigo protects</source>
        <translation>What Testigo protects</translation>
    </message>
    <message>
        <location filename="../../ui/common/first_run.py" line="57"/>
        <source>&lt;p&gt;&lt;b&gt;It protects&lt;/b&gt; what you record: everything is encrypted on this computer with your passphrase. If the laptop is taken while Testigo is closed or locked, nothing can be read: no text, no file, no name.&lt;/p&gt;&lt;p&gt;What you share leaves only as an anonymized, encrypted bundle that only the coalition&apos;s coordinators can open. Names, contacts and private notes never leave.&lt;/p&gt;&lt;p&gt;&lt;b&gt;It does not protect&lt;/b&gt; against spyware already on this computer (it can see your screen and keyboard), nor against someone who watches you type the passphrase. If you suspect the computer is infected, ask your trainer first.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;It protects&lt;/b&gt; what you record: everything is encrypted on this computer with your passphrase. If the laptop is taken while Testigo is closed or locked, nothing can be read: no text, no file, no name.&lt;/p&gt;&lt;p&gt;What you share leaves only as an anonymized, encrypted bundle that only the coalition&apos;s coordinators can open. Names, contacts and private notes never leave.&lt;/p&gt;&lt;p&gt;&lt;b&gt;It does not protect&lt;/b&gt; against spyware already on this computer (it can see your screen and keyboard), nor against someone who watches you type the passphrase. If you suspect the computer is infected, ask your trainer first.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>AttachmentPanel</name>
    <message>
        <location filename="../../ui/reporter/incidents/attachments.py" line="94"/>
        <source>Delete the original once it is safely in the vault (this file on&amp;ly)</source>
        <translation>Delete the original once it is safely in the vault (this file on&amp;ly)</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/attachments.py" line="97"/>
        <source>The file is overwritten and removed only after its copy in the vault is checked. An SSD, a memory card, a snapshot or a backup may still keep copies of it.</source>
        <translation>The file is overwritten and removed only after its copy in the vault is checked. An SSD, a memory card, a snapshot or a backup may still keep copies of it.</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/attachments.py" line="85"/>
        <source>Files are encrypted into the vault; their names stay private. Drop files here or use Add.</source>
        <translation>Files are encrypted into the vault; their names stay private. Drop files here or use Add.</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/attachments.py" line="87"/>
        <source>&amp;Add file…</source>
        <translation>&amp;Add file…</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/attachments.py" line="88"/>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/attachments.py" line="89"/>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/attachments.py" line="90"/>
        <source>E&amp;xtract…</source>
        <translation>E&amp;xtract…</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/attachments.py" line="91"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/attachments.py" line="92"/>
        <source>Attachments</source>
        <translation>Attachments</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/attachments.py" line="93"/>
        <source>Adding file</source>
        <translation>Adding file</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/attachments.py" line="127"/>
        <source>Add a file</source>
        <translation>Add a file</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/attachments.py" line="236"/>
        <source>Extract to</source>
        <translation>Extract to</translation>
    </message>
</context>
<context>
    <name>CoalitionPage</name>
    <message>
        <location filename="../../ui/common/first_run.py" line="193"/>
        <source>Your coalition</source>
        <translation>Your coalition</translation>
    </message>
    <message>
        <location filename="../../ui/common/first_run.py" line="194"/>
        <source>Load the coalition&apos;s keys file (coalition-keys.age, in the folder made when the coalition was created) and type the keys&apos; passphrase. The keys move into your vault.</source>
        <translation>Load the coalition&apos;s keys file (coalition-keys.age, in the folder made when the coalition was created) and type the keys&apos; passphrase. The keys move into your vault.</translation>
    </message>
    <message>
        <location filename="../../ui/common/first_run.py" line="197"/>
        <source>Choose the keys file…</source>
        <translation>Choose the keys file…</translation>
    </message>
    <message>
        <location filename="../../ui/common/first_run.py" line="198"/>
        <source>&amp;Keys passphrase</source>
        <translation>&amp;Keys passphrase</translation>
    </message>
    <message>
        <location filename="../../ui/common/first_run.py" line="199"/>
        <source>Keys passphrase</source>
        <translation>Keys passphrase</translation>
    </message>
    <message>
        <location filename="../../ui/common/first_run.py" line="202"/>
        <source>Coalition keys</source>
        <translation>Coalition keys</translation>
    </message>
</context>
<context>
    <name>ComparisonModel</name>
    <message>
        <location filename="../../ui/reporter/share_page.py" line="75"/>
        <source>Field</source>
        <translation>Field</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/share_page.py" line="75"/>
        <source>What you recorded (stays on this computer)</source>
        <translation>What you recorded (stays on this computer)</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/share_page.py" line="76"/>
        <source>What the coalition receives</source>
        <translation>What the coalition receives</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/share_page.py" line="76"/>
        <source>Leaves?</source>
        <translation>Leaves?</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/share_page.py" line="83"/>
        <source>Leaves as it is</source>
        <translation>Leaves as it is</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/share_page.py" line="83"/>
        <source>Leaves generalized</source>
        <translation>Leaves generalized</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/share_page.py" line="84"/>
        <source>Stays here</source>
        <translation>Stays here</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/share_page.py" line="97"/>
        <source>(nothing)</source>
        <translation>(nothing)</translation>
    </message>
</context>
<context>
    <name>CoordinatorWindow</name>
    <message>
        <location filename="../../ui/coordinator/window.py" line="135"/>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/window.py" line="135"/>
        <source>Testigo — coordination</source>
        <translation>Testigo — coordination</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/window.py" line="136"/>
        <source>Inbox</source>
        <translation>Inbox</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/window.py" line="136"/>
        <source>Dashboard</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/window.py" line="137"/>
        <source>Spyware</source>
        <translation>Spyware</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/window.py" line="137"/>
        <source>Map</source>
        <translation>Map</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/window.py" line="138"/>
        <source>Refused</source>
        <translation>Refused</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/window.py" line="138"/>
        <source>Devices</source>
        <translation>Devices</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/window.py" line="139"/>
        <source>Pull now</source>
        <translation>Pull now</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/window.py" line="140"/>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/window.py" line="139"/>
        <source>Export…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/window.py" line="141"/>
        <source>Lock</source>
        <translation>Lock</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/window.py" line="145"/>
        <source>Help</source>
        <translation>Help</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/window.py" line="146"/>
        <source>&amp;Diagnostics…</source>
        <translation>&amp;Diagnostics…</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/window.py" line="147"/>
        <source>&amp;Count</source>
        <translation>&amp;Count</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/window.py" line="151"/>
        <source>reports</source>
        <translation>reports</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/window.py" line="152"/>
        <source>events (a same-event group once)</source>
        <translation>events (a same-event group once)</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <location filename="../../ui/coordinator/dashboard_page.py" line="170"/>
        <source>By month</source>
        <translation>By month</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/dashboard_page.py" line="170"/>
        <source>By state</source>
        <translation>By state</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/dashboard_page.py" line="171"/>
        <source>By perpetrator</source>
        <translation>By perpetrator</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/dashboard_page.py" line="171"/>
        <source>By incident type</source>
        <translation>By incident type</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/dashboard_page.py" line="172"/>
        <source>By target profile</source>
        <translation>By target profile</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/dashboard_page.py" line="172"/>
        <source>By gender</source>
        <translation>By gender</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/dashboard_page.py" line="173"/>
        <source>By coverage topic</source>
        <translation>By coverage topic</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/dashboard_page.py" line="176"/>
        <source>reports</source>
        <translation>reports</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/dashboard_page.py" line="176"/>
        <source>events</source>
        <translation>events</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/dashboard_page.py" line="190"/>
        <source>{n} {unit} counted in this selection</source>
        <translation>{n} {unit} counted in this selection</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/dashboard_page.py" line="194"/>
        <source>Documented cases, not prevalence. Of these reports, {month:.0%} have only a month or year, {place:.0%} only a state, and {unknown:.0%} an unknown perpetrator.</source>
        <translation>Documented cases, not prevalence. Of these reports, {month:.0%} have only a month or year, {place:.0%} only a state, and {unknown:.0%} an unknown perpetrator.</translation>
    </message>
</context>
<context>
    <name>DevicesPage</name>
    <message>
        <location filename="../../ui/coordinator/devices_page.py" line="105"/>
        <source>Compare a device&apos;s fingerprint with the one its person reads to you (in person or by a call you trust), then mark it verified.</source>
        <translation>Compare a device&apos;s fingerprint with the one its person reads to you (in person or by a call you trust), then mark it verified.</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/devices_page.py" line="108"/>
        <source>Fingerprint</source>
        <translation>Fingerprint</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/devices_page.py" line="108"/>
        <source>Verified</source>
        <translation>Verified</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/devices_page.py" line="109"/>
        <source>Bundles</source>
        <translation>Bundles</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/devices_page.py" line="109"/>
        <source>Missing</source>
        <translation>Missing</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/devices_page.py" line="110"/>
        <source>Devices</source>
        <translation>Devices</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/devices_page.py" line="111"/>
        <source>&amp;Mark verified</source>
        <translation>&amp;Mark verified</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/devices_page.py" line="127"/>
        <source>verified</source>
        <translation>verified</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/devices_page.py" line="127"/>
        <source>not verified</source>
        <translation>not verified</translation>
    </message>
</context>
<context>
    <name>DiagnosticsDialog</name>
    <message>
        <location filename="../../ui/common/diagnostics_dialog.py" line="61"/>
        <location filename="../../ui/common/diagnostics_dialog.py" line="66"/>
        <source>Diagnostics</source>
        <translation>Diagnostics</translation>
    </message>
    <message>
        <location filename="../../ui/common/diagnostics_dialog.py" line="63"/>
        <source>What went wrong since Testigo started, for whoever helps you: the kind of each error and where in Testigo&apos;s code it happened, never anything you recorded. It is kept in memory only and is gone when Testigo closes.</source>
        <translation>What went wrong since Testigo started, for whoever helps you: the kind of each error and where in Testigo&apos;s code it happened, never anything you recorded. It is kept in memory only and is gone when Testigo closes.</translation>
    </message>
    <message>
        <location filename="../../ui/common/diagnostics_dialog.py" line="67"/>
        <source>&amp;Copy</source>
        <translation>&amp;Copy</translation>
    </message>
    <message>
        <location filename="../../ui/common/diagnostics_dialog.py" line="68"/>
        <source>&amp;Save…</source>
        <translation>&amp;Save…</translation>
    </message>
    <message>
        <location filename="../../ui/common/diagnostics_dialog.py" line="74"/>
        <source>Nothing has gone wrong since Testigo started.</source>
        <translation>Nothing has gone wrong since Testigo started.</translation>
    </message>
    <message>
        <location filename="../../ui/common/diagnostics_dialog.py" line="87"/>
        <source>Save diagnostics</source>
        <translation>Save diagnostics</translation>
    </message>
</context>
<context>
    <name>DoctorPage</name>
    <message>
        <location filename="../../ui/common/doctor_page.py" line="58"/>
        <source>&amp;Check again</source>
        <translation>&amp;Check again</translation>
    </message>
    <message>
        <location filename="../../ui/common/doctor_page.py" line="59"/>
        <source>&amp;Check this computer</source>
        <translation>&amp;Check this computer</translation>
    </message>
    <message>
        <location filename="../../ui/common/doctor_page.py" line="60"/>
        <source>Checks</source>
        <translation>Checks</translation>
    </message>
    <message>
        <location filename="../../ui/common/doctor_page.py" line="67"/>
        <source>Checking…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <location filename="../../ui/common/doctor_page.py" line="94"/>
        <source>What to do: %1</source>
        <translation>What to do: %1</translation>
    </message>
    <message>
        <location filename="../../ui/common/doctor_page.py" line="104"/>
        <source>%1 to fix, %2 to look at, of %3 checks.</source>
        <translation>%1 to fix, %2 to look at, of %3 checks.</translation>
    </message>
    <message>
        <location filename="../../ui/common/doctor_page.py" line="108"/>
        <source>Checks this computer&apos;s safety and the connection to the coalition, and says what to fix.</source>
        <translation>Checks this computer&apos;s safety and the connection to the coalition, and says what to fix.</translation>
    </message>
    <message>
        <location filename="../../ui/common/doctor_page.py" line="112"/>
        <source>Fine</source>
        <translation>Fine</translation>
    </message>
    <message>
        <location filename="../../ui/common/doctor_page.py" line="112"/>
        <source>Look at this</source>
        <translation>Look at this</translation>
    </message>
    <message>
        <location filename="../../ui/common/doctor_page.py" line="112"/>
        <source>Fix this</source>
        <translation>Fix this</translation>
    </message>
    <message>
        <location filename="../../ui/common/doctor_page.py" line="113"/>
        <source>Not checked</source>
        <translation>Not checked</translation>
    </message>
</context>
<context>
    <name>ErrorWords</name>
    <message>
        <location filename="../../ui/common/errors.py" line="23"/>
        <source>Check the passphrase and try again.</source>
        <translation>Check the passphrase and try again.</translation>
    </message>
    <message>
        <location filename="../../ui/common/errors.py" line="24"/>
        <source>Testigo keeps it in the outbox and tries again later.</source>
        <translation>Testigo keeps it in the outbox and tries again later.</translation>
    </message>
    <message>
        <location filename="../../ui/common/errors.py" line="25"/>
        <source>Free some disk space, then try again.</source>
        <translation>Free some disk space, then try again.</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../ui/coordinator/export_dialog.py" line="110"/>
        <source>Export reports</source>
        <translation>Export reports</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/export_dialog.py" line="111"/>
        <source>Spreadsheet (CSV) with its codebook</source>
        <translation>Spreadsheet (CSV) with its codebook</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/export_dialog.py" line="112"/>
        <source>JSON (HURIDOCS events)</source>
        <translation>JSON (HURIDOCS events)</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/export_dialog.py" line="113"/>
        <source>Uwazi collection (CSV and template)</source>
        <translation>Uwazi collection (CSV and template)</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/export_dialog.py" line="114"/>
        <source>Spyware indicators (STIX 2.1, for MVT)</source>
        <translation>Spyware indicators (STIX 2.1, for MVT)</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/export_dialog.py" line="115"/>
        <source>Summary report (PDF)</source>
        <translation>Summary report (PDF)</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/export_dialog.py" line="116"/>
        <source>Evidence packet for the chosen cases (zip)</source>
        <translation>Evidence packet for the chosen cases (zip)</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/export_dialog.py" line="120"/>
        <source>Any</source>
        <translation>Any</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/export_dialog.py" line="125"/>
        <location filename="../../ui/coordinator/export_dialog.py" line="126"/>
        <source>YYYY, YYYY-MM or YYYY-MM-DD</source>
        <translation>YYYY, YYYY-MM or YYYY-MM-DD</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/export_dialog.py" line="128"/>
        <source>&amp;Format</source>
        <translation>&amp;Format</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/export_dialog.py" line="128"/>
        <source>&amp;Language of the file</source>
        <translation>&amp;Language of the file</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/export_dialog.py" line="129"/>
        <source>F&amp;rom (incident date)</source>
        <translation>F&amp;rom (incident date)</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/export_dialog.py" line="129"/>
        <source>T&amp;o (incident date)</source>
        <translation>T&amp;o (incident date)</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/export_dialog.py" line="130"/>
        <source>&amp;State</source>
        <translation>&amp;State</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/export_dialog.py" line="130"/>
        <source>Incident &amp;type</source>
        <translation>Incident &amp;type</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/export_dialog.py" line="132"/>
        <source>Every received report, not only the counted ones</source>
        <translation>Every received report, not only the counted ones</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/export_dialog.py" line="133"/>
        <source>Include the coordinators&apos; notes and tags</source>
        <translation>Include the coordinators&apos; notes and tags</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/export_dialog.py" line="134"/>
        <source>For publication: counts only, hide counts below k</source>
        <translation>For publication: counts only, hide counts below k</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/export_dialog.py" line="136"/>
        <source>Smallest count shown</source>
        <translation>Smallest count shown</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/export_dialog.py" line="137"/>
        <location filename="../../ui/coordinator/export_dialog.py" line="138"/>
        <source>File to write</source>
        <translation>File to write</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/export_dialog.py" line="139"/>
        <source>&amp;Choose…</source>
        <translation>&amp;Choose…</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/export_dialog.py" line="140"/>
        <source>&amp;Export</source>
        <translation>&amp;Export</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/export_dialog.py" line="141"/>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/export_dialog.py" line="155"/>
        <source>Export to</source>
        <translation>Export to</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/export_dialog.py" line="178"/>
        <source>Choose the file to write first.</source>
        <translation>Choose the file to write first.</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/export_dialog.py" line="194"/>
        <source>Exporting…</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/export_dialog.py" line="207"/>
        <source>Reports exported: {n}. Written:</source>
        <translation>Reports exported: {n}. Written:</translation>
    </message>
</context>
<context>
    <name>FieldNames</name>
    <message>
        <location filename="../../ui/common/field_names.py" line="17"/>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../ui/common/field_names.py" line="17"/>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../../ui/common/field_names.py" line="18"/>
        <source>Incident types</source>
        <translation>Incident types</translation>
    </message>
    <message>
        <location filename="../../ui/common/field_names.py" line="18"/>
        <source>Sphere</source>
        <translation>Sphere</translation>
    </message>
    <message>
        <location filename="../../ui/common/field_names.py" line="19"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../ui/common/field_names.py" line="19"/>
        <source>End date</source>
        <translation>End date</translation>
    </message>
    <message>
        <location filename="../../ui/common/field_names.py" line="20"/>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../ui/common/field_names.py" line="20"/>
        <source>Date precision</source>
        <translation>Date precision</translation>
    </message>
    <message>
        <location filename="../../ui/common/field_names.py" line="21"/>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../ui/common/field_names.py" line="21"/>
        <source>Municipality</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <location filename="../../ui/common/field_names.py" line="22"/>
        <source>Exact place</source>
        <translation>Exact place</translation>
    </message>
    <message>
        <location filename="../../ui/common/field_names.py" line="22"/>
        <source>Coordinates</source>
        <translation>Coordinates</translation>
    </message>
    <message>
        <location filename="../../ui/common/field_names.py" line="23"/>
        <source>Type of place</source>
        <translation>Type of place</translation>
    </message>
    <message>
        <location filename="../../ui/common/field_names.py" line="24"/>
        <source>profile</source>
        <translation>profile</translation>
    </message>
    <message>
        <location filename="../../ui/common/field_names.py" line="24"/>
        <source>gender</source>
        <translation>gender</translation>
    </message>
    <message>
        <location filename="../../ui/common/field_names.py" line="25"/>
        <source>age</source>
        <translation>age</translation>
    </message>
    <message>
        <location filename="../../ui/common/field_names.py" line="25"/>
        <source>topics covered</source>
        <translation>topics covered</translation>
    </message>
    <message>
        <location filename="../../ui/common/field_names.py" line="26"/>
        <source>names</source>
        <translation>names</translation>
    </message>
    <message>
        <location filename="../../ui/common/field_names.py" line="26"/>
        <source>contact</source>
        <translation>contact</translation>
    </message>
    <message>
        <location filename="../../ui/common/field_names.py" line="27"/>
        <source>Perpetrators</source>
        <translation>Perpetrators</translation>
    </message>
    <message>
        <location filename="../../ui/common/field_names.py" line="27"/>
        <source>Vectors</source>
        <translation>Vectors</translation>
    </message>
    <message>
        <location filename="../../ui/common/field_names.py" line="28"/>
        <source>Compromise</source>
        <translation>Compromise</translation>
    </message>
    <message>
        <location filename="../../ui/common/field_names.py" line="29"/>
        <source>Detected by</source>
        <translation>Detected by</translation>
    </message>
    <message>
        <location filename="../../ui/common/field_names.py" line="30"/>
        <source>Platform</source>
        <translation>Platform</translation>
    </message>
    <message>
        <location filename="../../ui/common/field_names.py" line="31"/>
        <source>Spyware</source>
        <translation>Spyware</translation>
    </message>
    <message>
        <location filename="../../ui/common/field_names.py" line="32"/>
        <source>Technical indicators</source>
        <translation>Technical indicators</translation>
    </message>
    <message>
        <location filename="../../ui/common/field_names.py" line="33"/>
        <source>Technical indicator</source>
        <translation>Technical indicator</translation>
    </message>
    <message>
        <location filename="../../ui/common/field_names.py" line="33"/>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <location filename="../../ui/common/field_names.py" line="34"/>
        <source>Record status</source>
        <translation>Record status</translation>
    </message>
    <message>
        <location filename="../../ui/common/field_names.py" line="34"/>
        <source>Sensitivity</source>
        <translation>Sensitivity</translation>
    </message>
    <message>
        <location filename="../../ui/common/field_names.py" line="35"/>
        <source>Private notes</source>
        <translation>Private notes</translation>
    </message>
    <message>
        <location filename="../../ui/common/field_names.py" line="35"/>
        <source>Files</source>
        <translation>Files</translation>
    </message>
    <message>
        <location filename="../../ui/common/field_names.py" line="38"/>
        <source>Person %1</source>
        <translation>Person %1</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <location filename="../../ui/coordinator/common.py" line="76"/>
        <source>&amp;From</source>
        <translation>&amp;From</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/common.py" line="76"/>
        <source>&amp;To</source>
        <translation>&amp;To</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/common.py" line="76"/>
        <source>T&amp;ype</source>
        <translation>T&amp;ype</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/common.py" line="76"/>
        <source>&amp;State</source>
        <translation>&amp;State</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/common.py" line="77"/>
        <source>&amp;Perpetrator</source>
        <translation>&amp;Perpetrator</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/common.py" line="77"/>
        <source>&amp;Verification</source>
        <translation>&amp;Verification</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/common.py" line="80"/>
        <location filename="../../ui/coordinator/common.py" line="81"/>
        <source>YYYY-MM</source>
        <translation>YYYY-MM</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/common.py" line="82"/>
        <source>From date</source>
        <translation>From date</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/common.py" line="83"/>
        <source>To date</source>
        <translation>To date</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/common.py" line="84"/>
        <source>Clear filters</source>
        <translation>Clear filters</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/common.py" line="89"/>
        <source>State actors</source>
        <translation>State actors</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/common.py" line="90"/>
        <source>Non-state actors</source>
        <translation>Non-state actors</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/common.py" line="92"/>
        <source>Unverified</source>
        <translation>Unverified</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/common.py" line="92"/>
        <source>Corroborated</source>
        <translation>Corroborated</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/common.py" line="93"/>
        <source>Forensically confirmed</source>
        <translation>Forensically confirmed</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/common.py" line="100"/>
        <source>All</source>
        <translation>All</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <location filename="../../ui/common/first_run.py" line="240"/>
        <source>Welcome to Testigo</source>
        <translation>Welcome to Testigo</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <location filename="../../ui/reporter/incidents/history.py" line="15"/>
        <source>History</source>
        <translation>History</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/history.py" line="22"/>
        <source>Revision {n} — {at} — {action}</source>
        <translation>Revision {n} — {at} — {action}</translation>
    </message>
</context>
<context>
    <name>InboxPage</name>
    <message>
        <location filename="../../ui/coordinator/inbox_page.py" line="183"/>
        <source>Show every report (not only counted ones)</source>
        <translation>Show every report (not only counted ones)</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/inbox_page.py" line="184"/>
        <source>Received reports</source>
        <translation>Received reports</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/inbox_page.py" line="186"/>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/inbox_page.py" line="186"/>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/inbox_page.py" line="187"/>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/inbox_page.py" line="187"/>
        <source>Month</source>
        <translation>Month</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/inbox_page.py" line="188"/>
        <source>Device</source>
        <translation>Device</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/inbox_page.py" line="188"/>
        <source>Received</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/inbox_page.py" line="189"/>
        <source>By</source>
        <translation>By</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/inbox_page.py" line="189"/>
        <source>Review / verification / counting</source>
        <translation>Review / verification / counting</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/inbox_page.py" line="190"/>
        <source>verified</source>
        <translation>verified</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/inbox_page.py" line="190"/>
        <source>not verified</source>
        <translation>not verified</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/inbox_page.py" line="191"/>
        <source>{n} missing</source>
        <translation>{n} missing</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/inbox_page.py" line="191"/>
        <source>relay</source>
        <translation>relay</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/inbox_page.py" line="192"/>
        <source>file</source>
        <translation>file</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/inbox_page.py" line="200"/>
        <source>The reports behind the number you chose</source>
        <translation>The reports behind the number you chose</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/coordinator/inbox_page.py" line="236"/>
        <source>%n report(s)</source>
        <translation>
            <numerusform>%n report</numerusform>
            <numerusform>%n reports</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>IncidentEditor</name>
    <message>
        <location filename="../../ui/reporter/incidents/editor.py" line="184"/>
        <source>(private: never shared)</source>
        <translation>(private: never shared)</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/editor.py" line="186"/>
        <source>&amp;Title</source>
        <translation>&amp;Title</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/editor.py" line="186"/>
        <source>&amp;Description</source>
        <translation>&amp;Description</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/editor.py" line="187"/>
        <source>T&amp;ypes of incident</source>
        <translation>T&amp;ypes of incident</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/editor.py" line="187"/>
        <source>Sphere</source>
        <translation>Sphere</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/editor.py" line="188"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/editor.py" line="188"/>
        <source>Sensitivity</source>
        <translation>Sensitivity</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/editor.py" line="189"/>
        <source>Tags (comma separated)</source>
        <translation>Tags (comma separated)</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/editor.py" line="189"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/editor.py" line="190"/>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/editor.py" line="190"/>
        <source>Date precision</source>
        <translation>Date precision</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/editor.py" line="191"/>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/editor.py" line="191"/>
        <location filename="../../ui/reporter/incidents/editor.py" line="223"/>
        <source>Municipality (INEGI code)</source>
        <translation>Municipality (INEGI code)</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/editor.py" line="192"/>
        <source>Place</source>
        <translation>Place</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/editor.py" line="193"/>
        <source>Type of place</source>
        <translation>Type of place</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/editor.py" line="194"/>
        <source>Who was targeted</source>
        <translation>Who was targeted</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/editor.py" line="194"/>
        <source>Gender</source>
        <translation>Gender</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/editor.py" line="195"/>
        <source>Names or aliases</source>
        <translation>Names or aliases</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/editor.py" line="196"/>
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/editor.py" line="197"/>
        <source>Suspected perpetrators</source>
        <translation>Suspected perpetrators</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/editor.py" line="198"/>
        <source>How it arrived</source>
        <translation>How it arrived</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/editor.py" line="198"/>
        <source>Spyware status</source>
        <translation>Spyware status</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/editor.py" line="199"/>
        <source>Spyware family</source>
        <translation>Spyware family</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/editor.py" line="199"/>
        <source>Platform</source>
        <translation>Platform</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/editor.py" line="200"/>
        <source>How it was detected</source>
        <translation>How it was detected</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/editor.py" line="201"/>
        <source>Technical indicator</source>
        <translation>Technical indicator</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/editor.py" line="202"/>
        <source>Indicators</source>
        <translation>Indicators</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/editor.py" line="202"/>
        <location filename="../../ui/reporter/incidents/editor.py" line="210"/>
        <source>Private notes</source>
        <translation>Private notes</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/editor.py" line="208"/>
        <source>What happened</source>
        <translation>What happened</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/editor.py" line="208"/>
        <source>When and where</source>
        <translation>When and where</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/editor.py" line="209"/>
        <source>People</source>
        <translation>People</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/editor.py" line="209"/>
        <source>Digital</source>
        <translation>Digital</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/editor.py" line="209"/>
        <source>Consent</source>
        <translation>Consent</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/editor.py" line="210"/>
        <source>Files</source>
        <translation>Files</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/editor.py" line="218"/>
        <source>Add</source>
        <translation>Add</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/editor.py" line="219"/>
        <source>&amp;Save</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/editor.py" line="220"/>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/editor.py" line="221"/>
        <source>&amp;History</source>
        <translation>&amp;History</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/editor.py" line="224"/>
        <source>Municipality by name</source>
        <translation>Municipality by name</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/editor.py" line="368"/>
        <source>Draft saved.</source>
        <translation>Draft saved.</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/editor.py" line="368"/>
        <source>Saved.</source>
        <translation>Saved.</translation>
    </message>
</context>
<context>
    <name>IncidentListPage</name>
    <message>
        <location filename="../../ui/reporter/incidents/list_page.py" line="124"/>
        <source>Search title, description, notes, places…</source>
        <translation>Search title, description, notes, places…</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/list_page.py" line="125"/>
        <source>Search incidents</source>
        <translation>Search incidents</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/list_page.py" line="126"/>
        <source>All types</source>
        <translation>All types</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/list_page.py" line="127"/>
        <source>All states</source>
        <translation>All states</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/list_page.py" line="128"/>
        <source>All perpetrators</source>
        <translation>All perpetrators</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/list_page.py" line="129"/>
        <source>Any status</source>
        <translation>Any status</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/list_page.py" line="130"/>
        <source>Filter by type</source>
        <translation>Filter by type</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/list_page.py" line="131"/>
        <source>Filter by state</source>
        <translation>Filter by state</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/list_page.py" line="132"/>
        <source>Filter by perpetrator</source>
        <translation>Filter by perpetrator</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/list_page.py" line="133"/>
        <source>Filter by status</source>
        <translation>Filter by status</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/list_page.py" line="134"/>
        <source>&amp;From</source>
        <translation>&amp;From</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/list_page.py" line="135"/>
        <source>&amp;To</source>
        <translation>&amp;To</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/list_page.py" line="136"/>
        <source>From date</source>
        <translation>From date</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/list_page.py" line="137"/>
        <source>To date</source>
        <translation>To date</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/list_page.py" line="138"/>
        <source>From date (YYYY-MM-DD)</source>
        <translation>From date (YYYY-MM-DD)</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/list_page.py" line="139"/>
        <source>To date (YYYY-MM-DD)</source>
        <translation>To date (YYYY-MM-DD)</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/list_page.py" line="140"/>
        <source>&amp;New incident</source>
        <translation>&amp;New incident</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/list_page.py" line="141"/>
        <source>&amp;Open</source>
        <translation>&amp;Open</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/list_page.py" line="142"/>
        <source>S&amp;hare…</source>
        <translation>S&amp;hare…</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/list_page.py" line="143"/>
        <source>&amp;Delete</source>
        <translation>&amp;Delete</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/list_page.py" line="144"/>
        <source>Incidents</source>
        <translation>Incidents</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/list_page.py" line="189"/>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/list_page.py" line="190"/>
        <source>Delete this incident and its files for good? This cannot be undone.</source>
        <translation>Delete this incident and its files for good? This cannot be undone.</translation>
    </message>
</context>
<context>
    <name>IncidentTableModel</name>
    <message>
        <location filename="../../ui/reporter/incidents/model.py" line="51"/>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/model.py" line="51"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/model.py" line="51"/>
        <source>Types</source>
        <translation>Types</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/model.py" line="51"/>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/model.py" line="52"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/model.py" line="52"/>
        <source>Shared</source>
        <translation>Shared</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/model.py" line="52"/>
        <source>Updated</source>
        <translation>Updated</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/model.py" line="77"/>
        <source>in the outbox</source>
        <translation>in the outbox</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/model.py" line="77"/>
        <source>sending</source>
        <translation>sending</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/model.py" line="78"/>
        <source>sent</source>
        <translation>sent</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/model.py" line="78"/>
        <source>received by the coalition</source>
        <translation>received by the coalition</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/model.py" line="79"/>
        <source>failed</source>
        <translation>failed</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/model.py" line="79"/>
        <source>cancelled</source>
        <translation>cancelled</translation>
    </message>
</context>
<context>
    <name>LanguagePage</name>
    <message>
        <location filename="../../ui/common/first_run.py" line="43"/>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../ui/common/first_run.py" line="44"/>
        <source>Choose the language of Testigo. You can change it later.</source>
        <translation>Choose the language of Testigo. You can change it later.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/reporter/main_window.py" line="115"/>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/main_window.py" line="115"/>
        <source>Testigo</source>
        <translation>Testigo</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/main_window.py" line="120"/>
        <source>Incidents</source>
        <translation>Incidents</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/main_window.py" line="120"/>
        <source>New</source>
        <translation>New</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/main_window.py" line="121"/>
        <source>Outbox</source>
        <translation>Outbox</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/main_window.py" line="121"/>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/main_window.py" line="122"/>
        <source>Lock</source>
        <translation>Lock</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/main_window.py" line="127"/>
        <source>Help</source>
        <translation>Help</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/main_window.py" line="128"/>
        <source>&amp;Diagnostics…</source>
        <translation>&amp;Diagnostics…</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/main_window.py" line="129"/>
        <source>C&amp;heck this computer…</source>
        <translation>C&amp;heck this computer…</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/main_window.py" line="130"/>
        <source>&amp;Prepare this computer…</source>
        <translation>&amp;Prepare this computer…</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/main_window.py" line="146"/>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/main_window.py" line="147"/>
        <source>Relay busy: will retry</source>
        <translation>Relay busy: will retry</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/main_window.py" line="148"/>
        <source>Syncing…</source>
        <translation>Syncing…</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/main_window.py" line="149"/>
        <source>Up to date</source>
        <translation>Up to date</translation>
    </message>
</context>
<context>
    <name>MapPage</name>
    <message>
        <location filename="../../ui/coordinator/map_page.py" line="140"/>
        <source>Documented cases, not prevalence; reports without a state are not on the map. State outlines: @svg-maps/mexico by Victor Cazanave, CC BY 4.0.</source>
        <translation>Documented cases, not prevalence; reports without a state are not on the map. State outlines: @svg-maps/mexico by Victor Cazanave, CC BY 4.0.</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/map_page.py" line="142"/>
        <source>Map of Mexico by state</source>
        <translation>Map of Mexico by state</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/map_page.py" line="149"/>
        <source>reports</source>
        <translation>reports</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/map_page.py" line="149"/>
        <source>events</source>
        <translation>events</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/map_page.py" line="152"/>
        <source>&lt;b&gt;By state&lt;/b&gt; — {unit}; {none} without a state</source>
        <translation>&lt;b&gt;By state&lt;/b&gt; — {unit}; {none} without a state</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/map_page.py" line="154"/>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/map_page.py" line="143"/>
        <location filename="../../ui/coordinator/map_page.py" line="155"/>
        <source>Counts by state</source>
        <translation>Counts by state</translation>
    </message>
</context>
<context>
    <name>OutboxModel</name>
    <message>
        <location filename="../../ui/reporter/outbox_page.py" line="64"/>
        <source>Created</source>
        <translation>Created</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/outbox_page.py" line="64"/>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/outbox_page.py" line="64"/>
        <source>Incidents</source>
        <translation>Incidents</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/outbox_page.py" line="65"/>
        <source>Progress</source>
        <translation>Progress</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/outbox_page.py" line="65"/>
        <source>Last error</source>
        <translation>Last error</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/outbox_page.py" line="69"/>
        <source>queued</source>
        <translation>queued</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/outbox_page.py" line="69"/>
        <source>uploading</source>
        <translation>uploading</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/outbox_page.py" line="70"/>
        <source>sent</source>
        <translation>sent</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/outbox_page.py" line="70"/>
        <source>received by the coalition</source>
        <translation>received by the coalition</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/outbox_page.py" line="71"/>
        <source>failed</source>
        <translation>failed</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/outbox_page.py" line="71"/>
        <source>cancelled</source>
        <translation>cancelled</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/outbox_page.py" line="87"/>
        <source>(deleted)</source>
        <translation>(deleted)</translation>
    </message>
</context>
<context>
    <name>OutboxPage</name>
    <message>
        <location filename="../../ui/reporter/outbox_page.py" line="160"/>
        <source>S&amp;ync now</source>
        <translation>S&amp;ync now</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/outbox_page.py" line="161"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/outbox_page.py" line="162"/>
        <source>Outbox</source>
        <translation>Outbox</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/outbox_page.py" line="163"/>
        <source>Sync progress</source>
        <translation>Sync progress</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/outbox_page.py" line="237"/>
        <source>Sent {sent}, confirmed by the coalition {received}.</source>
        <translation>Sent {sent}, confirmed by the coalition {received}.</translation>
    </message>
</context>
<context>
    <name>PassphrasePage</name>
    <message>
        <location filename="../../ui/common/first_run.py" line="91"/>
        <source>Your passphrase</source>
        <translation>Your passphrase</translation>
    </message>
    <message>
        <location filename="../../ui/common/first_run.py" line="92"/>
        <source>Several words only you know. Without it nobody, not even you, can open what you record: write it down somewhere safe.</source>
        <translation>Several words only you know. Without it nobody, not even you, can open what you record: write it down somewhere safe.</translation>
    </message>
    <message>
        <location filename="../../ui/common/first_run.py" line="94"/>
        <source>&amp;Passphrase</source>
        <translation>&amp;Passphrase</translation>
    </message>
    <message>
        <location filename="../../ui/common/first_run.py" line="95"/>
        <source>&amp;Repeat it</source>
        <translation>&amp;Repeat it</translation>
    </message>
    <message>
        <location filename="../../ui/common/first_run.py" line="96"/>
        <source>Passphrase</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <location filename="../../ui/common/first_run.py" line="97"/>
        <source>Repeat the passphrase</source>
        <translation>Repeat the passphrase</translation>
    </message>
    <message>
        <location filename="../../ui/common/first_run.py" line="98"/>
        <source>Passphrase strength</source>
        <translation>Passphrase strength</translation>
    </message>
    <message>
        <location filename="../../ui/common/first_run.py" line="107"/>
        <source>The two passphrases differ.</source>
        <translation>The two passphrases differ.</translation>
    </message>
</context>
<context>
    <name>ProfilePage</name>
    <message>
        <location filename="../../ui/common/first_run.py" line="144"/>
        <source>Coalition profile (optional)</source>
        <translation>Coalition profile (optional)</translation>
    </message>
    <message>
        <location filename="../../ui/common/first_run.py" line="145"/>
        <source>If your trainer gave you a profile file, load it and compare the fingerprint with the one the coordinator reads to you.</source>
        <translation>If your trainer gave you a profile file, load it and compare the fingerprint with the one the coordinator reads to you.</translation>
    </message>
    <message>
        <location filename="../../ui/common/first_run.py" line="147"/>
        <source>Load a profile file…</source>
        <translation>Load a profile file…</translation>
    </message>
    <message>
        <location filename="../../ui/common/first_run.py" line="148"/>
        <source>I coordinate a coalition: load its keys instead</source>
        <translation>I coordinate a coalition: load its keys instead</translation>
    </message>
    <message>
        <location filename="../../ui/common/first_run.py" line="151"/>
        <source>Coalition profile</source>
        <translation>Coalition profile</translation>
    </message>
    <message>
        <location filename="../../ui/common/first_run.py" line="165"/>
        <source>The file cannot be read.</source>
        <translation>The file cannot be read.</translation>
    </message>
    <message>
        <location filename="../../ui/common/first_run.py" line="168"/>
        <source>Coalition: {name}
Fingerprint: {fp}</source>
        <translation>Coalition: {name}
Fingerprint: {fp}</translation>
    </message>
</context>
<context>
    <name>ProvisionPage</name>
    <message>
        <location filename="../../ui/common/provision_page.py" line="86"/>
        <source>Load the coalition&apos;s profile, choose the language and discreet mode, and enroll with the relay if you have a token. Then compare the fingerprint with the coordinators.</source>
        <translation>Load the coalition&apos;s profile, choose the language and discreet mode, and enroll with the relay if you have a token. Then compare the fingerprint with the coordinators.</translation>
    </message>
    <message>
        <location filename="../../ui/common/provision_page.py" line="89"/>
        <source>Coalition &amp;profile</source>
        <translation>Coalition &amp;profile</translation>
    </message>
    <message>
        <location filename="../../ui/common/provision_page.py" line="89"/>
        <source>&amp;Language</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <location filename="../../ui/common/provision_page.py" line="90"/>
        <source>&amp;Discreet mode (neutral name and icon)</source>
        <translation>&amp;Discreet mode (neutral name and icon)</translation>
    </message>
    <message>
        <location filename="../../ui/common/provision_page.py" line="91"/>
        <source>Enrollment &amp;token (optional)</source>
        <translation>Enrollment &amp;token (optional)</translation>
    </message>
    <message>
        <location filename="../../ui/common/provision_page.py" line="95"/>
        <source>&amp;Choose…</source>
        <translation>&amp;Choose…</translation>
    </message>
    <message>
        <location filename="../../ui/common/provision_page.py" line="96"/>
        <source>&amp;Prepare this computer</source>
        <translation>&amp;Prepare this computer</translation>
    </message>
    <message>
        <location filename="../../ui/common/provision_page.py" line="101"/>
        <source>Coalition profile</source>
        <translation>Coalition profile</translation>
    </message>
    <message>
        <location filename="../../ui/common/provision_page.py" line="102"/>
        <source>Coalition profiles (*.testigo-profile)</source>
        <translation>Coalition profiles (*.testigo-profile)</translation>
    </message>
    <message>
        <location filename="../../ui/common/provision_page.py" line="103"/>
        <source>All files (*)</source>
        <translation>All files (*)</translation>
    </message>
    <message>
        <location filename="../../ui/common/provision_page.py" line="117"/>
        <source>Preparing…</source>
        <translation>Preparing…</translation>
    </message>
    <message>
        <location filename="../../ui/common/provision_page.py" line="146"/>
        <source>Profile of &apos;%1&apos; imported.</source>
        <translation>Profile of &apos;%1&apos; imported.</translation>
    </message>
    <message>
        <location filename="../../ui/common/provision_page.py" line="147"/>
        <source>Fingerprint to compare: %1</source>
        <translation>Fingerprint to compare: %1</translation>
    </message>
    <message>
        <location filename="../../ui/common/provision_page.py" line="149"/>
        <source>Enrolled with the relay.</source>
        <translation>Enrolled with the relay.</translation>
    </message>
    <message>
        <location filename="../../ui/common/provision_page.py" line="150"/>
        <source>Check next:</source>
        <translation>Check next:</translation>
    </message>
</context>
<context>
    <name>PullBar</name>
    <message>
        <location filename="../../ui/coordinator/pull_task.py" line="62"/>
        <source>&amp;Pull now</source>
        <translation>&amp;Pull now</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/pull_task.py" line="63"/>
        <source>Receive new reports from the relay (F5)</source>
        <translation>Receive new reports from the relay (F5)</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/pull_task.py" line="64"/>
        <source>Import &amp;files…</source>
        <translation>Import &amp;files…</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/pull_task.py" line="65"/>
        <source>Import a f&amp;older…</source>
        <translation>Import a f&amp;older…</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/pull_task.py" line="66"/>
        <source>&amp;Cancel</source>
        <translation>&amp;Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/pull_task.py" line="67"/>
        <source>Progress</source>
        <translation>Progress</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/pull_task.py" line="82"/>
        <source>Receiving…</source>
        <translation>Receiving…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/coordinator/pull_task.py" line="108"/>
        <source>%n bundle(s) handled so far…</source>
        <translation>
            <numerusform>%n bundle handled so far…</numerusform>
            <numerusform>%n bundles handled so far…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/coordinator/pull_task.py" line="113"/>
        <location filename="../../ui/coordinator/pull_task.py" line="177"/>
        <source>%n new report(s)</source>
        <translation>
            <numerusform>%n new report</numerusform>
            <numerusform>%n new reports</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/coordinator/pull_task.py" line="114"/>
        <location filename="../../ui/coordinator/pull_task.py" line="178"/>
        <source>%n already here</source>
        <translation>
            <numerusform>%n already here</numerusform>
            <numerusform>%n already here</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/coordinator/pull_task.py" line="115"/>
        <location filename="../../ui/coordinator/pull_task.py" line="179"/>
        <source>%n refused</source>
        <translation>
            <numerusform>%n refused</numerusform>
            <numerusform>%n refused</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/coordinator/pull_task.py" line="116"/>
        <source>%n set aside to retry</source>
        <translation>
            <numerusform>%n set aside to retry</numerusform>
            <numerusform>%n set aside to retry</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/pull_task.py" line="120"/>
        <location filename="../../ui/coordinator/pull_task.py" line="181"/>
        <source>Cancelled after: {what}</source>
        <translation>Cancelled after: {what}</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/pull_task.py" line="124"/>
        <source>The relay asked to wait: pull again later.</source>
        <translation>The relay asked to wait: pull again later.</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/pull_task.py" line="137"/>
        <source>Cancelling…</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/pull_task.py" line="140"/>
        <source>Bundle file</source>
        <translation>Bundle file</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/pull_task.py" line="141"/>
        <source>Bundles (*.age *.testigo);;All files (*)</source>
        <translation>Bundles (*.age *.testigo);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/pull_task.py" line="146"/>
        <source>Folder of bundles</source>
        <translation>Folder of bundles</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/pull_task.py" line="166"/>
        <source>Importing…</source>
        <translation>Importing…</translation>
    </message>
</context>
<context>
    <name>RejectedPage</name>
    <message>
        <location filename="../../ui/coordinator/devices_page.py" line="61"/>
        <source>Bundles that were refused, and why. Nothing of them was imported; the relay will not send them again.</source>
        <translation>Bundles that were refused, and why. Nothing of them was imported; the relay will not send them again.</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/devices_page.py" line="63"/>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/devices_page.py" line="63"/>
        <source>Bundle</source>
        <translation>Bundle</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/devices_page.py" line="64"/>
        <source>Device</source>
        <translation>Device</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/devices_page.py" line="64"/>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/devices_page.py" line="65"/>
        <source>Refused bundles</source>
        <translation>Refused bundles</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/devices_page.py" line="77"/>
        <source>unknown device</source>
        <translation>unknown device</translation>
    </message>
</context>
<context>
    <name>ReportView</name>
    <message>
        <location filename="../../ui/coordinator/report_view.py" line="166"/>
        <source>(no reason)</source>
        <translation>(no reason)</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/report_view.py" line="170"/>
        <location filename="../../ui/coordinator/report_view.py" line="230"/>
        <source>same event</source>
        <translation>same event</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/report_view.py" line="170"/>
        <location filename="../../ui/coordinator/report_view.py" line="230"/>
        <source>same campaign</source>
        <translation>same campaign</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/report_view.py" line="171"/>
        <location filename="../../ui/coordinator/report_view.py" line="231"/>
        <source>same target</source>
        <translation>same target</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/report_view.py" line="175"/>
        <source>&amp;Review</source>
        <translation>&amp;Review</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/report_view.py" line="175"/>
        <source>&amp;Assignee</source>
        <translation>&amp;Assignee</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/report_view.py" line="175"/>
        <source>V&amp;erification</source>
        <translation>V&amp;erification</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/report_view.py" line="176"/>
        <source>C&amp;ounting</source>
        <translation>C&amp;ounting</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/report_view.py" line="176"/>
        <source>Exclusion rea&amp;son</source>
        <translation>Exclusion rea&amp;son</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/report_view.py" line="176"/>
        <source>&amp;Note</source>
        <translation>&amp;Note</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/report_view.py" line="177"/>
        <source>&amp;Tags (comma-separated)</source>
        <translation>&amp;Tags (comma-separated)</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/report_view.py" line="180"/>
        <source>Appl&amp;y</source>
        <translation>Appl&amp;y</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/report_view.py" line="181"/>
        <source>Apply the triage (Ctrl+Return)</source>
        <translation>Apply the triage (Ctrl+Return)</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/report_view.py" line="182"/>
        <source>&amp;Back to the inbox</source>
        <translation>&amp;Back to the inbox</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/report_view.py" line="183"/>
        <source>&amp;Link</source>
        <translation>&amp;Link</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/report_view.py" line="184"/>
        <source>&amp;Unlink</source>
        <translation>&amp;Unlink</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/report_view.py" line="185"/>
        <source>&amp;Open</source>
        <translation>&amp;Open</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/report_view.py" line="186"/>
        <source>Sa&amp;ve as…</source>
        <translation>Sa&amp;ve as…</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/report_view.py" line="187"/>
        <source>Kind of link</source>
        <translation>Kind of link</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/report_view.py" line="188"/>
        <location filename="../../ui/coordinator/report_view.py" line="192"/>
        <source>Links</source>
        <translation>Links</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/report_view.py" line="188"/>
        <location filename="../../ui/coordinator/report_view.py" line="193"/>
        <source>Suggested links</source>
        <translation>Suggested links</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/report_view.py" line="189"/>
        <location filename="../../ui/coordinator/report_view.py" line="194"/>
        <source>History</source>
        <translation>History</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/report_view.py" line="189"/>
        <location filename="../../ui/coordinator/report_view.py" line="195"/>
        <source>Evidence files</source>
        <translation>Evidence files</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/report_view.py" line="192"/>
        <source>Report</source>
        <translation>Report</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/report_view.py" line="232"/>
        <source>shared indicator</source>
        <translation>shared indicator</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/report_view.py" line="233"/>
        <source>same spyware family</source>
        <translation>same spyware family</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/report_view.py" line="234"/>
        <source>same month, state and type</source>
        <translation>same month, state and type</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/report_view.py" line="242"/>
        <source>review</source>
        <translation>review</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/report_view.py" line="242"/>
        <source>assignee</source>
        <translation>assignee</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/report_view.py" line="243"/>
        <source>verification</source>
        <translation>verification</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/report_view.py" line="243"/>
        <source>counting</source>
        <translation>counting</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/report_view.py" line="244"/>
        <source>exclusion reason</source>
        <translation>exclusion reason</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/report_view.py" line="244"/>
        <source>note</source>
        <translation>note</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/report_view.py" line="245"/>
        <source>tag</source>
        <translation>tag</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/report_view.py" line="263"/>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/report_view.py" line="264"/>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/report_view.py" line="266"/>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/report_view.py" line="267"/>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/report_view.py" line="268"/>
        <source>Perpetrators</source>
        <translation>Perpetrators</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/report_view.py" line="271"/>
        <source>Compromise</source>
        <translation>Compromise</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/report_view.py" line="273"/>
        <source>Spyware family</source>
        <translation>Spyware family</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/report_view.py" line="275"/>
        <source>Device</source>
        <translation>Device</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/report_view.py" line="277"/>
        <source>verified</source>
        <translation>verified</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/report_view.py" line="278"/>
        <source>not verified</source>
        <translation>not verified</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/report_view.py" line="279"/>
        <source>Received</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/report_view.py" line="282"/>
        <source>Missing from this device</source>
        <translation>Missing from this device</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/coordinator/report_view.py" line="283"/>
        <source>%n bundle(s) never arrived</source>
        <translation>
            <numerusform>%n bundle never arrived</numerusform>
            <numerusform>%n bundles never arrived</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/report_view.py" line="320"/>
        <source>Saved.</source>
        <translation>Saved.</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/report_view.py" line="394"/>
        <source>Save the evidence file as</source>
        <translation>Save the evidence file as</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/report_view.py" line="400"/>
        <source>Saved to {path}</source>
        <translation>Saved to {path}</translation>
    </message>
</context>
<context>
    <name>SessionWindow</name>
    <message>
        <location filename="../../ui/common/session_window.py" line="86"/>
        <source>DELETE</source>
        <translation>DELETE</translation>
    </message>
    <message>
        <location filename="../../ui/common/session_window.py" line="90"/>
        <source>This destroys everything in Testigo on this computer. Type {word} to confirm.</source>
        <translation>This destroys everything in Testigo on this computer. Type {word} to confirm.</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../ui/common/settings_page.py" line="108"/>
        <source>Protection</source>
        <translation>Protection</translation>
    </message>
    <message>
        <location filename="../../ui/common/settings_page.py" line="109"/>
        <source>Wipe after wrong &amp;passphrases</source>
        <translation>Wipe after wrong &amp;passphrases</translation>
    </message>
    <message>
        <location filename="../../ui/common/settings_page.py" line="110"/>
        <source>Wipe after wrong passphrases</source>
        <translation>Wipe after wrong passphrases</translation>
    </message>
    <message>
        <location filename="../../ui/common/settings_page.py" line="111"/>
        <source>Never</source>
        <translation>Never</translation>
    </message>
    <message>
        <location filename="../../ui/common/settings_page.py" line="114"/>
        <source>Set a &amp;duress passphrase…</source>
        <translation>Set a &amp;duress passphrase…</translation>
    </message>
    <message>
        <location filename="../../ui/common/settings_page.py" line="115"/>
        <source>&amp;Back up now…</source>
        <translation>&amp;Back up now…</translation>
    </message>
    <message>
        <location filename="../../ui/common/settings_page.py" line="167"/>
        <source>Last backup: %1</source>
        <translation>Last backup: %1</translation>
    </message>
    <message>
        <location filename="../../ui/common/settings_page.py" line="169"/>
        <source>No backup yet.</source>
        <translation>No backup yet.</translation>
    </message>
    <message>
        <location filename="../../ui/common/settings_page.py" line="171"/>
        <source>It is time to make a backup: a lost or seized laptop would take everything recorded since.</source>
        <translation>It is time to make a backup: a lost or seized laptop would take everything recorded since.</translation>
    </message>
    <message>
        <location filename="../../ui/common/settings_page.py" line="176"/>
        <source>Passphrase</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <location filename="../../ui/common/settings_page.py" line="182"/>
        <source>Your passphrase, to change this setting:</source>
        <translation>Your passphrase, to change this setting:</translation>
    </message>
    <message>
        <location filename="../../ui/common/settings_page.py" line="189"/>
        <source>Your passphrase:</source>
        <translation>Your passphrase:</translation>
    </message>
    <message>
        <location filename="../../ui/common/settings_page.py" line="190"/>
        <source>The duress passphrase (it opens a new, empty decoy vault; fill it with ordinary notes):</source>
        <translation>The duress passphrase (it opens a new, empty decoy vault; fill it with ordinary notes):</translation>
    </message>
    <message>
        <location filename="../../ui/common/settings_page.py" line="194"/>
        <source>The duress passphrase again:</source>
        <translation>The duress passphrase again:</translation>
    </message>
    <message>
        <location filename="../../ui/common/settings_page.py" line="195"/>
        <location filename="../../ui/common/settings_page.py" line="212"/>
        <source>The two passphrases differ.</source>
        <translation>The two passphrases differ.</translation>
    </message>
    <message>
        <location filename="../../ui/common/settings_page.py" line="198"/>
        <source>Duress passphrase</source>
        <translation>Duress passphrase</translation>
    </message>
    <message>
        <location filename="../../ui/common/settings_page.py" line="199"/>
        <source>When the duress passphrase is used, also destroy this vault&apos;s real key without a trace?</source>
        <translation>When the duress passphrase is used, also destroy this vault&apos;s real key without a trace?</translation>
    </message>
    <message>
        <location filename="../../ui/common/settings_page.py" line="204"/>
        <source>Back up to</source>
        <translation>Back up to</translation>
    </message>
    <message>
        <location filename="../../ui/common/settings_page.py" line="205"/>
        <source>Backups (*.age)</source>
        <translation>Backups (*.age)</translation>
    </message>
    <message>
        <location filename="../../ui/common/settings_page.py" line="208"/>
        <source>A passphrase for the backup (keep it apart from it):</source>
        <translation>A passphrase for the backup (keep it apart from it):</translation>
    </message>
    <message>
        <location filename="../../ui/common/settings_page.py" line="211"/>
        <source>The backup passphrase again:</source>
        <translation>The backup passphrase again:</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/common/settings_page.py" line="113"/>
        <source>After %n wrong passphrases</source>
        <translation>
            <numerusform>After %n wrong passphrase</numerusform>
            <numerusform>After %n wrong passphrases</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/common/settings_page.py" line="94"/>
        <source>&amp;Language</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <location filename="../../ui/common/settings_page.py" line="94"/>
        <source>&amp;Lock after (minutes idle)</source>
        <translation>&amp;Lock after (minutes idle)</translation>
    </message>
    <message>
        <location filename="../../ui/common/settings_page.py" line="95"/>
        <source>&amp;Discreet mode (neutral window title and icon)</source>
        <translation>&amp;Discreet mode (neutral window title and icon)</translation>
    </message>
    <message>
        <location filename="../../ui/common/settings_page.py" line="96"/>
        <source>&amp;Connection</source>
        <translation>&amp;Connection</translation>
    </message>
    <message>
        <location filename="../../ui/common/settings_page.py" line="96"/>
        <source>SOCKS &amp;proxy</source>
        <translation>SOCKS &amp;proxy</translation>
    </message>
    <message>
        <location filename="../../ui/common/settings_page.py" line="100"/>
        <source>Direct (HTTPS)</source>
        <translation>Direct (HTTPS)</translation>
    </message>
    <message>
        <location filename="../../ui/common/settings_page.py" line="100"/>
        <source>Tor (%1)</source>
        <translation>Tor (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/common/settings_page.py" line="102"/>
        <source>SOCKS proxy</source>
        <translation>SOCKS proxy</translation>
    </message>
    <message>
        <location filename="../../ui/common/settings_page.py" line="104"/>
        <source>Emergency</source>
        <translation>Emergency</translation>
    </message>
    <message>
        <location filename="../../ui/common/settings_page.py" line="105"/>
        <source>Destroys the keys of this vault at once. Nothing recorded here can be opened again, by anyone.</source>
        <translation>Destroys the keys of this vault at once. Nothing recorded here can be opened again, by anyone.</translation>
    </message>
    <message>
        <location filename="../../ui/common/settings_page.py" line="107"/>
        <source>Emergency &amp;wipe…</source>
        <translation>Emergency &amp;wipe…</translation>
    </message>
</context>
<context>
    <name>SharePage</name>
    <message>
        <location filename="../../ui/reporter/share_page.py" line="211"/>
        <source>Names, contacts, private notes, the exact place and coordinates never leave. Free text, the exact date and the municipality leave only if you allowed it in the Consent tab.</source>
        <translation>Names, contacts, private notes, the exact place and coordinates never leave. Free text, the exact date and the municipality leave only if you allowed it in the Consent tab.</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/share_page.py" line="214"/>
        <source>Send to the &amp;outbox</source>
        <translation>Send to the &amp;outbox</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/share_page.py" line="216"/>
        <source>&amp;Files to send with it (none unless you tick them; names never leave, and each file leaves without its metadata: the table says what is removed):</source>
        <translation>&amp;Files to send with it (none unless you tick them; names never leave, and each file leaves without its metadata: the table says what is removed):</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/share_page.py" line="218"/>
        <source>Files to send</source>
        <translation>Files to send</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/share_page.py" line="219"/>
        <source>Show the &amp;exact record that leaves</source>
        <translation>Show the &amp;exact record that leaves</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/share_page.py" line="220"/>
        <source>S&amp;how:</source>
        <translation>S&amp;how:</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/share_page.py" line="224"/>
        <source>every field</source>
        <translation>every field</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/share_page.py" line="224"/>
        <source>only what leaves</source>
        <translation>only what leaves</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/share_page.py" line="225"/>
        <source>only what stays here</source>
        <translation>only what stays here</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/share_page.py" line="228"/>
        <source>Recorded and shared, field by field</source>
        <translation>Recorded and shared, field by field</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/share_page.py" line="229"/>
        <source>The exact record that leaves</source>
        <translation>The exact record that leaves</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/share_page.py" line="325"/>
        <source>Sealed and waiting in the outbox.</source>
        <translation>Sealed and waiting in the outbox.</translation>
    </message>
</context>
<context>
    <name>SpywarePage</name>
    <message>
        <location filename="../../ui/coordinator/spyware_page.py" line="49"/>
        <source>Documented cases, not prevalence. An attempt or an infection counts only when confirmed (a forensic check such as MVT or a lab); suspected ones are shown apart and never as confirmed. The suspected operator is what the report says, with its level of attribution.</source>
        <translation>Documented cases, not prevalence. An attempt or an infection counts only when confirmed (a forensic check such as MVT or a lab); suspected ones are shown apart and never as confirmed. The suspected operator is what the report says, with its level of attribution.</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/spyware_page.py" line="68"/>
        <source>reports</source>
        <translation>reports</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/spyware_page.py" line="68"/>
        <source>events</source>
        <translation>events</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/spyware_page.py" line="70"/>
        <source>&lt;b&gt;{targets}&lt;/b&gt; targeted → &lt;b&gt;{attempts}&lt;/b&gt; confirmed attempts → &lt;b&gt;{infections}&lt;/b&gt; confirmed infections ({unit}). Suspected, not confirmed: {suspected}.</source>
        <translation>&lt;b&gt;{targets}&lt;/b&gt; targeted → &lt;b&gt;{attempts}&lt;/b&gt; confirmed attempts → &lt;b&gt;{infections}&lt;/b&gt; confirmed infections ({unit}). Suspected, not confirmed: {suspected}.</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/spyware_page.py" line="59"/>
        <source>By compromise status</source>
        <translation>By compromise status</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/spyware_page.py" line="60"/>
        <source>By detection source</source>
        <translation>By detection source</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/spyware_page.py" line="61"/>
        <source>By vector</source>
        <translation>By vector</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/spyware_page.py" line="61"/>
        <source>By spyware family</source>
        <translation>By spyware family</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/spyware_page.py" line="62"/>
        <source>By suspected operator</source>
        <translation>By suspected operator</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/spyware_page.py" line="63"/>
        <source>By attribution level</source>
        <translation>By attribution level</translation>
    </message>
</context>
<context>
    <name>UnlockWindow</name>
    <message>
        <location filename="../../ui/common/unlock.py" line="47"/>
        <source>Testigo: locked</source>
        <translation>Testigo: locked</translation>
    </message>
    <message>
        <location filename="../../ui/common/unlock.py" line="48"/>
        <source>Enter your passphrase to open Testigo.</source>
        <translation>Enter your passphrase to open Testigo.</translation>
    </message>
    <message>
        <location filename="../../ui/common/unlock.py" line="49"/>
        <source>&amp;Unlock</source>
        <translation>&amp;Unlock</translation>
    </message>
    <message>
        <location filename="../../ui/common/unlock.py" line="50"/>
        <source>Passphrase</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <location filename="../../ui/common/unlock.py" line="81"/>
        <source>Wrong passphrase.</source>
        <translation>Wrong passphrase.</translation>
    </message>
    <message>
        <location filename="../../ui/common/unlock.py" line="83"/>
        <source>Wait {s} s before trying again.</source>
        <translation>Wait {s} s before trying again.</translation>
    </message>
</context>
<context>
    <name>Words</name>
    <message>
        <location filename="../../ui/coordinator/inbox_page.py" line="263"/>
        <source>new</source>
        <translation>new</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/inbox_page.py" line="263"/>
        <source>in review</source>
        <translation>in review</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/inbox_page.py" line="264"/>
        <source>needs info</source>
        <translation>needs info</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/inbox_page.py" line="264"/>
        <source>done</source>
        <translation>done</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/inbox_page.py" line="265"/>
        <source>unverified</source>
        <translation>unverified</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/inbox_page.py" line="265"/>
        <source>corroborated</source>
        <translation>corroborated</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/inbox_page.py" line="266"/>
        <source>forensically confirmed</source>
        <translation>forensically confirmed</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/inbox_page.py" line="267"/>
        <source>pending</source>
        <translation>pending</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/inbox_page.py" line="267"/>
        <source>counted</source>
        <translation>counted</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/inbox_page.py" line="268"/>
        <source>excluded</source>
        <translation>excluded</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/inbox_page.py" line="268"/>
        <source>duplicate</source>
        <translation>duplicate</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/inbox_page.py" line="269"/>
        <source>out of scope</source>
        <translation>out of scope</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/inbox_page.py" line="270"/>
        <source>not credible</source>
        <translation>not credible</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/inbox_page.py" line="270"/>
        <source>withdrawn</source>
        <translation>withdrawn</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/inbox_page.py" line="271"/>
        <source>other</source>
        <translation>other</translation>
    </message>
</context>
</TS>
