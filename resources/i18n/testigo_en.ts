<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AboutPage</name>
    <message>
        <location filename="../../ui/first_run.py" line="54"/>
        <source>What Testigo protects</source>
        <translation>What Testigo protects</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="56"/>
        <source>&lt;p&gt;&lt;b&gt;It protects&lt;/b&gt; what you record: everything is encrypted on this computer with your passphrase. If the laptop is taken while Testigo is closed or locked, nothing can be read: no text, no file, no name.&lt;/p&gt;&lt;p&gt;What you share leaves only as an anonymized, encrypted bundle that only the coalition&apos;s coordinators can open. Names, contacts and private notes never leave.&lt;/p&gt;&lt;p&gt;&lt;b&gt;It does not protect&lt;/b&gt; against spyware already on this computer (it can see your screen and keyboard), nor against someone who watches you type the passphrase. If you suspect the computer is infected, ask your trainer first.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;It protects&lt;/b&gt; what you record: everything is encrypted on this computer with your passphrase. If the laptop is taken while Testigo is closed or locked, nothing can be read: no text, no file, no name.&lt;/p&gt;&lt;p&gt;What you share leaves only as an anonymized, encrypted bundle that only the coalition&apos;s coordinators can open. Names, contacts and private notes never leave.&lt;/p&gt;&lt;p&gt;&lt;b&gt;It does not protect&lt;/b&gt; against spyware already on this computer (it can see your screen and keyboard), nor against someone who watches you type the passphrase. If you suspect the computer is infected, ask your trainer first.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>AttachmentPanel</name>
    <message>
        <location filename="../../ui/incidents/attachments.py" line="75"/>
        <source>Files are encrypted into the vault; their names stay private. Drop files here or use Add.</source>
        <translation>Files are encrypted into the vault; their names stay private. Drop files here or use Add.</translation>
    </message>
    <message>
        <location filename="../../ui/incidents/attachments.py" line="77"/>
        <source>&amp;Add file…</source>
        <translation>&amp;Add file…</translation>
    </message>
    <message>
        <location filename="../../ui/incidents/attachments.py" line="78"/>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../../ui/incidents/attachments.py" line="79"/>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../ui/incidents/attachments.py" line="80"/>
        <source>E&amp;xtract…</source>
        <translation>E&amp;xtract…</translation>
    </message>
    <message>
        <location filename="../../ui/incidents/attachments.py" line="81"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/incidents/attachments.py" line="82"/>
        <source>Attachments</source>
        <translation>Attachments</translation>
    </message>
    <message>
        <location filename="../../ui/incidents/attachments.py" line="83"/>
        <source>Adding file</source>
        <translation>Adding file</translation>
    </message>
    <message>
        <location filename="../../ui/incidents/attachments.py" line="112"/>
        <source>Add a file</source>
        <translation>Add a file</translation>
    </message>
    <message>
        <location filename="../../ui/incidents/attachments.py" line="213"/>
        <source>Extract to</source>
        <translation>Extract to</translation>
    </message>
</context>
<context>
    <name>ComparisonModel</name>
    <message>
        <location filename="../../ui/share_page.py" line="73"/>
        <source>Field</source>
        <translation>Field</translation>
    </message>
    <message>
        <location filename="../../ui/share_page.py" line="73"/>
        <source>What you recorded (stays on this computer)</source>
        <translation>What you recorded (stays on this computer)</translation>
    </message>
    <message>
        <location filename="../../ui/share_page.py" line="74"/>
        <source>What the coalition receives</source>
        <translation>What the coalition receives</translation>
    </message>
    <message>
        <location filename="../../ui/share_page.py" line="74"/>
        <source>Leaves?</source>
        <translation>Leaves?</translation>
    </message>
    <message>
        <location filename="../../ui/share_page.py" line="81"/>
        <source>Leaves as it is</source>
        <translation>Leaves as it is</translation>
    </message>
    <message>
        <location filename="../../ui/share_page.py" line="81"/>
        <source>Leaves generalized</source>
        <translation>Leaves generalized</translation>
    </message>
    <message>
        <location filename="../../ui/share_page.py" line="82"/>
        <source>Stays here</source>
        <translation>Stays here</translation>
    </message>
    <message>
        <location filename="../../ui/share_page.py" line="95"/>
        <source>(nothing)</source>
        <translation>(nothing)</translation>
    </message>
</context>
<context>
    <name>DiagnosticsDialog</name>
    <message>
        <location filename="../../ui/diagnostics_dialog.py" line="61"/>
        <location filename="../../ui/diagnostics_dialog.py" line="66"/>
        <source>Diagnostics</source>
        <translation>Diagnostics</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics_dialog.py" line="63"/>
        <source>What went wrong since Testigo started, for whoever helps you: the kind of each error and where in Testigo&apos;s code it happened, never anything you recorded. It is kept in memory only and is gone when Testigo closes.</source>
        <translation>What went wrong since Testigo started, for whoever helps you: the kind of each error and where in Testigo&apos;s code it happened, never anything you recorded. It is kept in memory only and is gone when Testigo closes.</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics_dialog.py" line="67"/>
        <source>&amp;Copy</source>
        <translation>&amp;Copy</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics_dialog.py" line="68"/>
        <source>&amp;Save…</source>
        <translation>&amp;Save…</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics_dialog.py" line="73"/>
        <source>Nothing has gone wrong since Testigo started.</source>
        <translation>Nothing has gone wrong since Testigo started.</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics_dialog.py" line="84"/>
        <source>Save diagnostics</source>
        <translation>Save diagnostics</translation>
    </message>
</context>
<context>
    <name>ErrorWords</name>
    <message>
        <location filename="../../ui/errors.py" line="20"/>
        <source>Check the passphrase and try again.</source>
        <translation>Check the passphrase and try again.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="21"/>
        <source>Testigo keeps it in the outbox and tries again later.</source>
        <translation>Testigo keeps it in the outbox and tries again later.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="22"/>
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
        <location filename="../../ui/field_names.py" line="17"/>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../ui/field_names.py" line="17"/>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../../ui/field_names.py" line="18"/>
        <source>Incident types</source>
        <translation>Incident types</translation>
    </message>
    <message>
        <location filename="../../ui/field_names.py" line="18"/>
        <source>Sphere</source>
        <translation>Sphere</translation>
    </message>
    <message>
        <location filename="../../ui/field_names.py" line="19"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../ui/field_names.py" line="19"/>
        <source>End date</source>
        <translation>End date</translation>
    </message>
    <message>
        <location filename="../../ui/field_names.py" line="20"/>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../ui/field_names.py" line="20"/>
        <source>Date precision</source>
        <translation>Date precision</translation>
    </message>
    <message>
        <location filename="../../ui/field_names.py" line="21"/>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../ui/field_names.py" line="21"/>
        <source>Municipality</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <location filename="../../ui/field_names.py" line="22"/>
        <source>Exact place</source>
        <translation>Exact place</translation>
    </message>
    <message>
        <location filename="../../ui/field_names.py" line="22"/>
        <source>Coordinates</source>
        <translation>Coordinates</translation>
    </message>
    <message>
        <location filename="../../ui/field_names.py" line="23"/>
        <source>Type of place</source>
        <translation>Type of place</translation>
    </message>
    <message>
        <location filename="../../ui/field_names.py" line="24"/>
        <source>profile</source>
        <translation>profile</translation>
    </message>
    <message>
        <location filename="../../ui/field_names.py" line="24"/>
        <source>gender</source>
        <translation>gender</translation>
    </message>
    <message>
        <location filename="../../ui/field_names.py" line="25"/>
        <source>age</source>
        <translation>age</translation>
    </message>
    <message>
        <location filename="../../ui/field_names.py" line="25"/>
        <source>topics covered</source>
        <translation>topics covered</translation>
    </message>
    <message>
        <location filename="../../ui/field_names.py" line="26"/>
        <source>names</source>
        <translation>names</translation>
    </message>
    <message>
        <location filename="../../ui/field_names.py" line="26"/>
        <source>contact</source>
        <translation>contact</translation>
    </message>
    <message>
        <location filename="../../ui/field_names.py" line="27"/>
        <source>Perpetrators</source>
        <translation>Perpetrators</translation>
    </message>
    <message>
        <location filename="../../ui/field_names.py" line="27"/>
        <source>Vectors</source>
        <translation>Vectors</translation>
    </message>
    <message>
        <location filename="../../ui/field_names.py" line="28"/>
        <source>Compromise</source>
        <translation>Compromise</translation>
    </message>
    <message>
        <location filename="../../ui/field_names.py" line="29"/>
        <source>Detected by</source>
        <translation>Detected by</translation>
    </message>
    <message>
        <location filename="../../ui/field_names.py" line="30"/>
        <source>Platform</source>
        <translation>Platform</translation>
    </message>
    <message>
        <location filename="../../ui/field_names.py" line="31"/>
        <source>Spyware</source>
        <translation>Spyware</translation>
    </message>
    <message>
        <location filename="../../ui/field_names.py" line="32"/>
        <source>Technical indicators</source>
        <translation>Technical indicators</translation>
    </message>
    <message>
        <location filename="../../ui/field_names.py" line="33"/>
        <source>Technical indicator</source>
        <translation>Technical indicator</translation>
    </message>
    <message>
        <location filename="../../ui/field_names.py" line="33"/>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <location filename="../../ui/field_names.py" line="34"/>
        <source>Record status</source>
        <translation>Record status</translation>
    </message>
    <message>
        <location filename="../../ui/field_names.py" line="34"/>
        <source>Sensitivity</source>
        <translation>Sensitivity</translation>
    </message>
    <message>
        <location filename="../../ui/field_names.py" line="35"/>
        <source>Private notes</source>
        <translation>Private notes</translation>
    </message>
    <message>
        <location filename="../../ui/field_names.py" line="35"/>
        <source>Files</source>
        <translation>Files</translation>
    </message>
    <message>
        <location filename="../../ui/field_names.py" line="38"/>
        <source>Person %1</source>
        <translation>Person %1</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <location filename="../../ui/first_run.py" line="174"/>
        <source>Welcome to Testigo</source>
        <translation>Welcome to Testigo</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <location filename="../../ui/incidents/history.py" line="15"/>
        <source>History</source>
        <translation>History</translation>
    </message>
    <message>
        <location filename="../../ui/incidents/history.py" line="22"/>
        <source>Revision {n} — {at} — {action}</source>
        <translation>Revision {n} — {at} — {action}</translation>
    </message>
</context>
<context>
    <name>IncidentEditor</name>
    <message>
        <location filename="../../ui/incidents/editor.py" line="184"/>
        <source>(private: never shared)</source>
        <translation>(private: never shared)</translation>
    </message>
    <message>
        <location filename="../../ui/incidents/editor.py" line="186"/>
        <source>&amp;Title</source>
        <translation>&amp;Title</translation>
    </message>
    <message>
        <location filename="../../ui/incidents/editor.py" line="186"/>
        <source>&amp;Description</source>
        <translation>&amp;Description</translation>
    </message>
    <message>
        <location filename="../../ui/incidents/editor.py" line="187"/>
        <source>T&amp;ypes of incident</source>
        <translation>T&amp;ypes of incident</translation>
    </message>
    <message>
        <location filename="../../ui/incidents/editor.py" line="187"/>
        <source>Sphere</source>
        <translation>Sphere</translation>
    </message>
    <message>
        <location filename="../../ui/incidents/editor.py" line="188"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/incidents/editor.py" line="188"/>
        <source>Sensitivity</source>
        <translation>Sensitivity</translation>
    </message>
    <message>
        <location filename="../../ui/incidents/editor.py" line="189"/>
        <source>Tags (comma separated)</source>
        <translation>Tags (comma separated)</translation>
    </message>
    <message>
        <location filename="../../ui/incidents/editor.py" line="189"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../ui/incidents/editor.py" line="190"/>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../ui/incidents/editor.py" line="190"/>
        <source>Date precision</source>
        <translation>Date precision</translation>
    </message>
    <message>
        <location filename="../../ui/incidents/editor.py" line="191"/>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../ui/incidents/editor.py" line="191"/>
        <location filename="../../ui/incidents/editor.py" line="223"/>
        <source>Municipality (INEGI code)</source>
        <translation>Municipality (INEGI code)</translation>
    </message>
    <message>
        <location filename="../../ui/incidents/editor.py" line="192"/>
        <source>Place</source>
        <translation>Place</translation>
    </message>
    <message>
        <location filename="../../ui/incidents/editor.py" line="193"/>
        <source>Type of place</source>
        <translation>Type of place</translation>
    </message>
    <message>
        <location filename="../../ui/incidents/editor.py" line="194"/>
        <source>Who was targeted</source>
        <translation>Who was targeted</translation>
    </message>
    <message>
        <location filename="../../ui/incidents/editor.py" line="194"/>
        <source>Gender</source>
        <translation>Gender</translation>
    </message>
    <message>
        <location filename="../../ui/incidents/editor.py" line="195"/>
        <source>Names or aliases</source>
        <translation>Names or aliases</translation>
    </message>
    <message>
        <location filename="../../ui/incidents/editor.py" line="196"/>
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <location filename="../../ui/incidents/editor.py" line="197"/>
        <source>Suspected perpetrators</source>
        <translation>Suspected perpetrators</translation>
    </message>
    <message>
        <location filename="../../ui/incidents/editor.py" line="198"/>
        <source>How it arrived</source>
        <translation>How it arrived</translation>
    </message>
    <message>
        <location filename="../../ui/incidents/editor.py" line="198"/>
        <source>Spyware status</source>
        <translation>Spyware status</translation>
    </message>
    <message>
        <location filename="../../ui/incidents/editor.py" line="199"/>
        <source>Spyware family</source>
        <translation>Spyware family</translation>
    </message>
    <message>
        <location filename="../../ui/incidents/editor.py" line="199"/>
        <source>Platform</source>
        <translation>Platform</translation>
    </message>
    <message>
        <location filename="../../ui/incidents/editor.py" line="200"/>
        <source>How it was detected</source>
        <translation>How it was detected</translation>
    </message>
    <message>
        <location filename="../../ui/incidents/editor.py" line="201"/>
        <source>Technical indicator</source>
        <translation>Technical indicator</translation>
    </message>
    <message>
        <location filename="../../ui/incidents/editor.py" line="202"/>
        <source>Indicators</source>
        <translation>Indicators</translation>
    </message>
    <message>
        <location filename="../../ui/incidents/editor.py" line="202"/>
        <location filename="../../ui/incidents/editor.py" line="210"/>
        <source>Private notes</source>
        <translation>Private notes</translation>
    </message>
    <message>
        <location filename="../../ui/incidents/editor.py" line="208"/>
        <source>What happened</source>
        <translation>What happened</translation>
    </message>
    <message>
        <location filename="../../ui/incidents/editor.py" line="208"/>
        <source>When and where</source>
        <translation>When and where</translation>
    </message>
    <message>
        <location filename="../../ui/incidents/editor.py" line="209"/>
        <source>People</source>
        <translation>People</translation>
    </message>
    <message>
        <location filename="../../ui/incidents/editor.py" line="209"/>
        <source>Digital</source>
        <translation>Digital</translation>
    </message>
    <message>
        <location filename="../../ui/incidents/editor.py" line="209"/>
        <source>Consent</source>
        <translation>Consent</translation>
    </message>
    <message>
        <location filename="../../ui/incidents/editor.py" line="210"/>
        <source>Files</source>
        <translation>Files</translation>
    </message>
    <message>
        <location filename="../../ui/incidents/editor.py" line="218"/>
        <source>Add</source>
        <translation>Add</translation>
    </message>
    <message>
        <location filename="../../ui/incidents/editor.py" line="219"/>
        <source>&amp;Save</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <location filename="../../ui/incidents/editor.py" line="220"/>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/incidents/editor.py" line="221"/>
        <source>&amp;History</source>
        <translation>&amp;History</translation>
    </message>
    <message>
        <location filename="../../ui/incidents/editor.py" line="224"/>
        <source>Municipality by name</source>
        <translation>Municipality by name</translation>
    </message>
    <message>
        <location filename="../../ui/incidents/editor.py" line="368"/>
        <source>Draft saved.</source>
        <translation>Draft saved.</translation>
    </message>
    <message>
        <location filename="../../ui/incidents/editor.py" line="368"/>
        <source>Saved.</source>
        <translation>Saved.</translation>
    </message>
</context>
<context>
    <name>IncidentListPage</name>
    <message>
        <location filename="../../ui/incidents/list_page.py" line="124"/>
        <source>Search title, description, notes, places…</source>
        <translation>Search title, description, notes, places…</translation>
    </message>
    <message>
        <location filename="../../ui/incidents/list_page.py" line="125"/>
        <source>Search incidents</source>
        <translation>Search incidents</translation>
    </message>
    <message>
        <location filename="../../ui/incidents/list_page.py" line="126"/>
        <source>All types</source>
        <translation>All types</translation>
    </message>
    <message>
        <location filename="../../ui/incidents/list_page.py" line="127"/>
        <source>All states</source>
        <translation>All states</translation>
    </message>
    <message>
        <location filename="../../ui/incidents/list_page.py" line="128"/>
        <source>All perpetrators</source>
        <translation>All perpetrators</translation>
    </message>
    <message>
        <location filename="../../ui/incidents/list_page.py" line="129"/>
        <source>Any status</source>
        <translation>Any status</translation>
    </message>
    <message>
        <location filename="../../ui/incidents/list_page.py" line="130"/>
        <source>Filter by type</source>
        <translation>Filter by type</translation>
    </message>
    <message>
        <location filename="../../ui/incidents/list_page.py" line="131"/>
        <source>Filter by state</source>
        <translation>Filter by state</translation>
    </message>
    <message>
        <location filename="../../ui/incidents/list_page.py" line="132"/>
        <source>Filter by perpetrator</source>
        <translation>Filter by perpetrator</translation>
    </message>
    <message>
        <location filename="../../ui/incidents/list_page.py" line="133"/>
        <source>Filter by status</source>
        <translation>Filter by status</translation>
    </message>
    <message>
        <location filename="../../ui/incidents/list_page.py" line="134"/>
        <source>&amp;From</source>
        <translation>&amp;From</translation>
    </message>
    <message>
        <location filename="../../ui/incidents/list_page.py" line="135"/>
        <source>&amp;To</source>
        <translation>&amp;To</translation>
    </message>
    <message>
        <location filename="../../ui/incidents/list_page.py" line="136"/>
        <source>From date</source>
        <translation>From date</translation>
    </message>
    <message>
        <location filename="../../ui/incidents/list_page.py" line="137"/>
        <source>To date</source>
        <translation>To date</translation>
    </message>
    <message>
        <location filename="../../ui/incidents/list_page.py" line="138"/>
        <source>From date (YYYY-MM-DD)</source>
        <translation>From date (YYYY-MM-DD)</translation>
    </message>
    <message>
        <location filename="../../ui/incidents/list_page.py" line="139"/>
        <source>To date (YYYY-MM-DD)</source>
        <translation>To date (YYYY-MM-DD)</translation>
    </message>
    <message>
        <location filename="../../ui/incidents/list_page.py" line="140"/>
        <source>&amp;New incident</source>
        <translation>&amp;New incident</translation>
    </message>
    <message>
        <location filename="../../ui/incidents/list_page.py" line="141"/>
        <source>&amp;Open</source>
        <translation>&amp;Open</translation>
    </message>
    <message>
        <location filename="../../ui/incidents/list_page.py" line="142"/>
        <source>S&amp;hare…</source>
        <translation>S&amp;hare…</translation>
    </message>
    <message>
        <location filename="../../ui/incidents/list_page.py" line="143"/>
        <source>&amp;Delete</source>
        <translation>&amp;Delete</translation>
    </message>
    <message>
        <location filename="../../ui/incidents/list_page.py" line="144"/>
        <source>Incidents</source>
        <translation>Incidents</translation>
    </message>
    <message>
        <location filename="../../ui/incidents/list_page.py" line="189"/>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../ui/incidents/list_page.py" line="190"/>
        <source>Delete this incident and its files for good? This cannot be undone.</source>
        <translation>Delete this incident and its files for good? This cannot be undone.</translation>
    </message>
</context>
<context>
    <name>IncidentTableModel</name>
    <message>
        <location filename="../../ui/incidents/model.py" line="51"/>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../ui/incidents/model.py" line="51"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/incidents/model.py" line="51"/>
        <source>Types</source>
        <translation>Types</translation>
    </message>
    <message>
        <location filename="../../ui/incidents/model.py" line="51"/>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../ui/incidents/model.py" line="52"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../ui/incidents/model.py" line="52"/>
        <source>Shared</source>
        <translation>Shared</translation>
    </message>
    <message>
        <location filename="../../ui/incidents/model.py" line="52"/>
        <source>Updated</source>
        <translation>Updated</translation>
    </message>
    <message>
        <location filename="../../ui/incidents/model.py" line="77"/>
        <source>in the outbox</source>
        <translation>in the outbox</translation>
    </message>
    <message>
        <location filename="../../ui/incidents/model.py" line="77"/>
        <source>sending</source>
        <translation>sending</translation>
    </message>
    <message>
        <location filename="../../ui/incidents/model.py" line="78"/>
        <source>sent</source>
        <translation>sent</translation>
    </message>
    <message>
        <location filename="../../ui/incidents/model.py" line="78"/>
        <source>received by the coalition</source>
        <translation>received by the coalition</translation>
    </message>
    <message>
        <location filename="../../ui/incidents/model.py" line="79"/>
        <source>failed</source>
        <translation>failed</translation>
    </message>
    <message>
        <location filename="../../ui/incidents/model.py" line="79"/>
        <source>cancelled</source>
        <translation>cancelled</translation>
    </message>
</context>
<context>
    <name>LanguagePage</name>
    <message>
        <location filename="../../ui/first_run.py" line="42"/>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="43"/>
        <source>Choose the language of Testigo. You can change it later.</source>
        <translation>Choose the language of Testigo. You can change it later.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="135"/>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="135"/>
        <source>Testigo</source>
        <translation>Testigo</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="140"/>
        <source>Incidents</source>
        <translation>Incidents</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="140"/>
        <source>New</source>
        <translation>New</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="141"/>
        <source>Outbox</source>
        <translation>Outbox</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="141"/>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="142"/>
        <source>Lock</source>
        <translation>Lock</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="147"/>
        <source>Help</source>
        <translation>Help</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="148"/>
        <source>&amp;Diagnostics…</source>
        <translation>&amp;Diagnostics…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="160"/>
        <source>C&amp;heck this computer…</source>
        <translation>C&amp;heck this computer…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="160"/>
        <source>&amp;Prepare this computer…</source>
        <translation>&amp;Prepare this computer…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="160"/>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="161"/>
        <source>Relay busy: will retry</source>
        <translation>Relay busy: will retry</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="162"/>
        <source>Syncing…</source>
        <translation>Syncing…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="163"/>
        <source>Up to date</source>
        <translation>Up to date</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="218"/>
        <source>DELETE</source>
        <translation>DELETE</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="221"/>
        <source>This destroys everything in Testigo on this computer. Type {word} to confirm.</source>
        <translation>This destroys everything in Testigo on this computer. Type {word} to confirm.</translation>
    </message>
</context>
<context>
    <name>OutboxModel</name>
    <message>
        <location filename="../../ui/outbox_page.py" line="64"/>
        <source>Created</source>
        <translation>Created</translation>
    </message>
    <message>
        <location filename="../../ui/outbox_page.py" line="64"/>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../ui/outbox_page.py" line="64"/>
        <source>Incidents</source>
        <translation>Incidents</translation>
    </message>
    <message>
        <location filename="../../ui/outbox_page.py" line="65"/>
        <source>Progress</source>
        <translation>Progress</translation>
    </message>
    <message>
        <location filename="../../ui/outbox_page.py" line="65"/>
        <source>Last error</source>
        <translation>Last error</translation>
    </message>
    <message>
        <location filename="../../ui/outbox_page.py" line="69"/>
        <source>queued</source>
        <translation>queued</translation>
    </message>
    <message>
        <location filename="../../ui/outbox_page.py" line="69"/>
        <source>uploading</source>
        <translation>uploading</translation>
    </message>
    <message>
        <location filename="../../ui/outbox_page.py" line="70"/>
        <source>sent</source>
        <translation>sent</translation>
    </message>
    <message>
        <location filename="../../ui/outbox_page.py" line="70"/>
        <source>received by the coalition</source>
        <translation>received by the coalition</translation>
    </message>
    <message>
        <location filename="../../ui/outbox_page.py" line="71"/>
        <source>failed</source>
        <translation>failed</translation>
    </message>
    <message>
        <location filename="../../ui/outbox_page.py" line="71"/>
        <source>cancelled</source>
        <translation>cancelled</translation>
    </message>
    <message>
        <location filename="../../ui/outbox_page.py" line="87"/>
        <source>(deleted)</source>
        <translation>(deleted)</translation>
    </message>
</context>
<context>
    <name>OutboxPage</name>
    <message>
        <location filename="../../ui/outbox_page.py" line="160"/>
        <source>S&amp;ync now</source>
        <translation>S&amp;ync now</translation>
    </message>
    <message>
        <location filename="../../ui/outbox_page.py" line="161"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/outbox_page.py" line="162"/>
        <source>Outbox</source>
        <translation>Outbox</translation>
    </message>
    <message>
        <location filename="../../ui/outbox_page.py" line="163"/>
        <source>Sync progress</source>
        <translation>Sync progress</translation>
    </message>
    <message>
        <location filename="../../ui/outbox_page.py" line="237"/>
        <source>Sent {sent}, confirmed by the coalition {received}.</source>
        <translation>Sent {sent}, confirmed by the coalition {received}.</translation>
    </message>
</context>
<context>
    <name>PassphrasePage</name>
    <message>
        <location filename="../../ui/first_run.py" line="90"/>
        <source>Your passphrase</source>
        <translation>Your passphrase</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="91"/>
        <source>Several words only you know. Without it nobody, not even you, can open what you record: write it down somewhere safe.</source>
        <translation>Several words only you know. Without it nobody, not even you, can open what you record: write it down somewhere safe.</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="93"/>
        <source>&amp;Passphrase</source>
        <translation>&amp;Passphrase</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="94"/>
        <source>&amp;Repeat it</source>
        <translation>&amp;Repeat it</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="95"/>
        <source>Passphrase</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="96"/>
        <source>Repeat the passphrase</source>
        <translation>Repeat the passphrase</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="97"/>
        <source>Passphrase strength</source>
        <translation>Passphrase strength</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="106"/>
        <source>The two passphrases differ.</source>
        <translation>The two passphrases differ.</translation>
    </message>
</context>
<context>
    <name>ProfilePage</name>
    <message>
        <location filename="../../ui/first_run.py" line="129"/>
        <source>Coalition profile (optional)</source>
        <translation>Coalition profile (optional)</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="130"/>
        <source>If your trainer gave you a profile file, load it and compare the fingerprint with the one the coordinator reads to you.</source>
        <translation>If your trainer gave you a profile file, load it and compare the fingerprint with the one the coordinator reads to you.</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="132"/>
        <source>Load a profile file…</source>
        <translation>Load a profile file…</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="135"/>
        <source>Coalition profile</source>
        <translation>Coalition profile</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="149"/>
        <source>The file cannot be read.</source>
        <translation>The file cannot be read.</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="152"/>
        <source>Coalition: {name}
Fingerprint: {fp}</source>
        <translation>Coalition: {name}
Fingerprint: {fp}</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../ui/settings_page.py" line="79"/>
        <source>&amp;Language</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="79"/>
        <source>&amp;Lock after (minutes idle)</source>
        <translation>&amp;Lock after (minutes idle)</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="80"/>
        <source>&amp;Discreet mode (neutral window title and icon)</source>
        <translation>&amp;Discreet mode (neutral window title and icon)</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="81"/>
        <source>&amp;Connection</source>
        <translation>&amp;Connection</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="81"/>
        <source>SOCKS &amp;proxy</source>
        <translation>SOCKS &amp;proxy</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="85"/>
        <source>Direct (HTTPS)</source>
        <translation>Direct (HTTPS)</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="85"/>
        <source>Tor (%1)</source>
        <translation>Tor (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="87"/>
        <source>SOCKS proxy</source>
        <translation>SOCKS proxy</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="89"/>
        <source>Emergency</source>
        <translation>Emergency</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="90"/>
        <source>Destroys the keys of this vault at once. Nothing recorded here can be opened again, by anyone.</source>
        <translation>Destroys the keys of this vault at once. Nothing recorded here can be opened again, by anyone.</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="92"/>
        <source>Emergency &amp;wipe…</source>
        <translation>Emergency &amp;wipe…</translation>
    </message>
</context>
<context>
    <name>SharePage</name>
    <message>
        <location filename="../../ui/share_page.py" line="209"/>
        <source>Names, contacts, private notes, the exact place and coordinates never leave. Free text, the exact date and the municipality leave only if you allowed it in the Consent tab.</source>
        <translation>Names, contacts, private notes, the exact place and coordinates never leave. Free text, the exact date and the municipality leave only if you allowed it in the Consent tab.</translation>
    </message>
    <message>
        <location filename="../../ui/share_page.py" line="212"/>
        <source>Send to the &amp;outbox</source>
        <translation>Send to the &amp;outbox</translation>
    </message>
    <message>
        <location filename="../../ui/share_page.py" line="214"/>
        <source>&amp;Files to send with it (none unless you tick them; names never leave, photos leave without location or camera data):</source>
        <translation>&amp;Files to send with it (none unless you tick them; names never leave, photos leave without location or camera data):</translation>
    </message>
    <message>
        <location filename="../../ui/share_page.py" line="216"/>
        <source>Files to send</source>
        <translation>Files to send</translation>
    </message>
    <message>
        <location filename="../../ui/share_page.py" line="217"/>
        <source>Show the &amp;exact record that leaves</source>
        <translation>Show the &amp;exact record that leaves</translation>
    </message>
    <message>
        <location filename="../../ui/share_page.py" line="218"/>
        <source>S&amp;how:</source>
        <translation>S&amp;how:</translation>
    </message>
    <message>
        <location filename="../../ui/share_page.py" line="222"/>
        <source>every field</source>
        <translation>every field</translation>
    </message>
    <message>
        <location filename="../../ui/share_page.py" line="222"/>
        <source>only what leaves</source>
        <translation>only what leaves</translation>
    </message>
    <message>
        <location filename="../../ui/share_page.py" line="223"/>
        <source>only what stays here</source>
        <translation>only what stays here</translation>
    </message>
    <message>
        <location filename="../../ui/share_page.py" line="226"/>
        <source>Recorded and shared, field by field</source>
        <translation>Recorded and shared, field by field</translation>
    </message>
    <message>
        <location filename="../../ui/share_page.py" line="227"/>
        <source>The exact record that leaves</source>
        <translation>The exact record that leaves</translation>
    </message>
    <message>
        <location filename="../../ui/share_page.py" line="322"/>
        <source>Sealed and waiting in the outbox.</source>
        <translation>Sealed and waiting in the outbox.</translation>
    </message>
</context>
<context>
    <name>UnlockWindow</name>
    <message>
        <location filename="../../ui/unlock.py" line="47"/>
        <source>Testigo: locked</source>
        <translation>Testigo: locked</translation>
    </message>
    <message>
        <location filename="../../ui/unlock.py" line="48"/>
        <source>Enter your passphrase to open Testigo.</source>
        <translation>Enter your passphrase to open Testigo.</translation>
    </message>
    <message>
        <location filename="../../ui/unlock.py" line="49"/>
        <source>&amp;Unlock</source>
        <translation>&amp;Unlock</translation>
    </message>
    <message>
        <location filename="../../ui/unlock.py" line="50"/>
        <source>Passphrase</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <location filename="../../ui/unlock.py" line="79"/>
        <source>Wrong passphrase.</source>
        <translation>Wrong passphrase.</translation>
    </message>
    <message>
        <location filename="../../ui/unlock.py" line="81"/>
        <source>Wait {s} s before trying again.</source>
        <translation>Wait {s} s before trying again.</translation>
    </message>
</context>
<context>
    <name>DoctorPage</name>
    <message>
        <location filename="../../ui/common/doctor_page.py" line="57"/>
        <source>&amp;Check again</source>
        <translation>&amp;Check again</translation>
    </message>
    <message>
        <location filename="../../ui/common/doctor_page.py" line="58"/>
        <source>&amp;Check this computer</source>
        <translation>&amp;Check this computer</translation>
    </message>
    <message>
        <location filename="../../ui/common/doctor_page.py" line="59"/>
        <source>Checks</source>
        <translation>Checks</translation>
    </message>
    <message>
        <location filename="../../ui/common/doctor_page.py" line="66"/>
        <source>Checking…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <location filename="../../ui/common/doctor_page.py" line="93"/>
        <source>What to do: %1</source>
        <translation>What to do: %1</translation>
    </message>
    <message>
        <location filename="../../ui/common/doctor_page.py" line="103"/>
        <source>%1 to fix, %2 to look at, of %3 checks.</source>
        <translation>%1 to fix, %2 to look at, of %3 checks.</translation>
    </message>
    <message>
        <location filename="../../ui/common/doctor_page.py" line="107"/>
        <source>Checks this computer&apos;s safety and the connection to the coalition, and says what to fix.</source>
        <translation>Checks this computer&apos;s safety and the connection to the coalition, and says what to fix.</translation>
    </message>
    <message>
        <location filename="../../ui/common/doctor_page.py" line="111"/>
        <source>Fine</source>
        <translation>Fine</translation>
    </message>
    <message>
        <location filename="../../ui/common/doctor_page.py" line="111"/>
        <source>Look at this</source>
        <translation>Look at this</translation>
    </message>
    <message>
        <location filename="../../ui/common/doctor_page.py" line="111"/>
        <source>Fix this</source>
        <translation>Fix this</translation>
    </message>
    <message>
        <location filename="../../ui/common/doctor_page.py" line="112"/>
        <source>Not checked</source>
        <translation>Not checked</translation>
    </message>
</context>
<context>
    <name>ProvisionPage</name>
    <message>
        <location filename="../../ui/common/provision_page.py" line="85"/>
        <source>Load the coalition&apos;s profile, choose the language and discreet mode, and enroll with the relay if you have a token. Then compare the fingerprint with the coordinators.</source>
        <translation>Load the coalition&apos;s profile, choose the language and discreet mode, and enroll with the relay if you have a token. Then compare the fingerprint with the coordinators.</translation>
    </message>
    <message>
        <location filename="../../ui/common/provision_page.py" line="88"/>
        <source>Coalition &amp;profile</source>
        <translation>Coalition &amp;profile</translation>
    </message>
    <message>
        <location filename="../../ui/common/provision_page.py" line="88"/>
        <source>&amp;Language</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <location filename="../../ui/common/provision_page.py" line="89"/>
        <source>&amp;Discreet mode (neutral name and icon)</source>
        <translation>&amp;Discreet mode (neutral name and icon)</translation>
    </message>
    <message>
        <location filename="../../ui/common/provision_page.py" line="90"/>
        <source>Enrollment &amp;token (optional)</source>
        <translation>Enrollment &amp;token (optional)</translation>
    </message>
    <message>
        <location filename="../../ui/common/provision_page.py" line="94"/>
        <source>&amp;Choose…</source>
        <translation>&amp;Choose…</translation>
    </message>
    <message>
        <location filename="../../ui/common/provision_page.py" line="95"/>
        <source>&amp;Prepare this computer</source>
        <translation>&amp;Prepare this computer</translation>
    </message>
    <message>
        <location filename="../../ui/common/provision_page.py" line="100"/>
        <source>Coalition profile</source>
        <translation>Coalition profile</translation>
    </message>
    <message>
        <location filename="../../ui/common/provision_page.py" line="101"/>
        <source>Coalition profiles (*.testigo-profile)</source>
        <translation>Coalition profiles (*.testigo-profile)</translation>
    </message>
    <message>
        <location filename="../../ui/common/provision_page.py" line="102"/>
        <source>All files (*)</source>
        <translation>All files (*)</translation>
    </message>
    <message>
        <location filename="../../ui/common/provision_page.py" line="114"/>
        <source>Preparing…</source>
        <translation>Preparing…</translation>
    </message>
    <message>
        <location filename="../../ui/common/provision_page.py" line="143"/>
        <source>Profile of &apos;%1&apos; imported.</source>
        <translation>Profile of &apos;%1&apos; imported.</translation>
    </message>
    <message>
        <location filename="../../ui/common/provision_page.py" line="144"/>
        <source>Fingerprint to compare: %1</source>
        <translation>Fingerprint to compare: %1</translation>
    </message>
    <message>
        <location filename="../../ui/common/provision_page.py" line="146"/>
        <source>Enrolled with the relay.</source>
        <translation>Enrolled with the relay.</translation>
    </message>
    <message>
        <location filename="../../ui/common/provision_page.py" line="147"/>
        <source>Check next:</source>
        <translation>Check next:</translation>
    </message>
</context>
</TS>
