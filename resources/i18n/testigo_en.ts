<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AboutPage</name>
    <message>
        <location filename="../../ui/common/first_run.py" line="73"/>
        <source>What this app protects</source>
        <translation>What this app protects</translation>
    </message>
    <message>
        <location filename="../../ui/common/first_run.py" line="75"/>
        <source>What Testigo protects</source>
        <translation>What Testigo protects</translation>
    </message>
    <message>
        <location filename="../../ui/common/first_run.py" line="78"/>
        <source>&lt;p&gt;&lt;b&gt;It protects&lt;/b&gt; what you record: everything is encrypted on this computer with your passphrase. If the laptop is taken while the app is closed or locked, nothing can be read: no text, no file, no name.&lt;/p&gt;&lt;p&gt;What you share leaves only as an anonymized, encrypted bundle that only the coalition&apos;s coordinators can open. Names, contacts and private notes never leave.&lt;/p&gt;&lt;p&gt;&lt;b&gt;It does not protect&lt;/b&gt; against spyware already on this computer (it can see your screen and keyboard), nor against someone who watches you type the passphrase. If you suspect the computer is infected, ask your trainer first.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;It protects&lt;/b&gt; what you record: everything is encrypted on this computer with your passphrase. If the laptop is taken while the app is closed or locked, nothing can be read: no text, no file, no name.&lt;/p&gt;&lt;p&gt;What you share leaves only as an anonymized, encrypted bundle that only the coalition&apos;s coordinators can open. Names, contacts and private notes never leave.&lt;/p&gt;&lt;p&gt;&lt;b&gt;It does not protect&lt;/b&gt; against spyware already on this computer (it can see your screen and keyboard), nor against someone who watches you type the passphrase. If you suspect the computer is infected, ask your trainer first.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>AskDialog</name>
    <message>
        <location filename="../../ui/coordinator/questions_panel.py" line="76"/>
        <source>Ask the reporter</source>
        <translation>Ask the reporter</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/questions_panel.py" line="79"/>
        <source>The reporter sees the question inside this incident, from the coalition (never your name). It travels encrypted to their device only.</source>
        <translation>The reporter sees the question inside this incident, from the coalition (never your name). It travels encrypted to their device only.</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/questions_panel.py" line="86"/>
        <source>Question</source>
        <translation>Question</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/questions_panel.py" line="87"/>
        <source>My own question…</source>
        <translation>My own question…</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/questions_panel.py" line="96"/>
        <source>Your question</source>
        <translation>Your question</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/questions_panel.py" line="97"/>
        <source>Your question (at most 1000 characters)</source>
        <translation>Your question (at most 1000 characters)</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/questions_panel.py" line="100"/>
        <source>Ask them to share more:</source>
        <translation>Ask them to share more:</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/questions_panel.py" line="113"/>
        <source>&amp;Send</source>
        <translation>&amp;Send</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/questions_panel.py" line="114"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>AskedModel</name>
    <message>
        <location filename="../../ui/coordinator/questions_panel.py" line="50"/>
        <source>answered in revision %1</source>
        <translation>answered in revision %1</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/questions_panel.py" line="51"/>
        <source>sent</source>
        <translation>sent</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/questions_panel.py" line="51"/>
        <source>not confirmed by the relay</source>
        <translation>not confirmed by the relay</translation>
    </message>
</context>
<context>
    <name>AttachmentPanel</name>
    <message>
        <location filename="../../ui/reporter/incidents/attachments.py" line="101"/>
        <source>Delete the original once it is safely in the vault (this file on&amp;ly)</source>
        <translation>Delete the original once it is safely in the vault (this file on&amp;ly)</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/attachments.py" line="105"/>
        <source>The file is overwritten and removed only after its copy in the vault is checked. An SSD, a memory card, a snapshot or a backup may still keep copies of it.</source>
        <translation>The file is overwritten and removed only after its copy in the vault is checked. An SSD, a memory card, a snapshot or a backup may still keep copies of it.</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/attachments.py" line="89"/>
        <source>Files are encrypted into the vault; their names stay private. Drop files here or use Add.</source>
        <translation>Files are encrypted into the vault; their names stay private. Drop files here or use Add.</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/attachments.py" line="93"/>
        <source>&amp;Add file…</source>
        <translation>&amp;Add file…</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/attachments.py" line="94"/>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/attachments.py" line="95"/>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/attachments.py" line="96"/>
        <source>E&amp;xtract…</source>
        <translation>E&amp;xtract…</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/attachments.py" line="97"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/attachments.py" line="98"/>
        <source>Attachments</source>
        <translation>Attachments</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/attachments.py" line="99"/>
        <source>Adding file</source>
        <translation>Adding file</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/attachments.py" line="137"/>
        <source>Add a file</source>
        <translation>Add a file</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/attachments.py" line="253"/>
        <source>Extract to</source>
        <translation>Extract to</translation>
    </message>
</context>
<context>
    <name>AutoSync</name>
    <message>
        <location filename="../../ui/common/auto_sync.py" line="268"/>
        <source>Sending by itself is off.</source>
        <translation>Sending by itself is off.</translation>
    </message>
    <message>
        <location filename="../../ui/common/auto_sync.py" line="275"/>
        <source>Next try at {time}.</source>
        <translation>Next try at {time}.</translation>
    </message>
    <message>
        <location filename="../../ui/common/auto_sync.py" line="277"/>
        <source>no connection</source>
        <translation>no connection</translation>
    </message>
    <message>
        <location filename="../../ui/common/auto_sync.py" line="278"/>
        <source>the relay is busy or refused</source>
        <translation>the relay is busy or refused</translation>
    </message>
    <message>
        <location filename="../../ui/common/auto_sync.py" line="279"/>
        <source>an error</source>
        <translation>an error</translation>
    </message>
    <message>
        <location filename="../../ui/common/auto_sync.py" line="280"/>
        <source>Next try at {time} (the last one failed: {why}).</source>
        <translation>Next try at {time} (the last one failed: {why}).</translation>
    </message>
</context>
<context>
    <name>Chart</name>
    <message>
        <location filename="../../ui/coordinator/dashboard_page.py" line="111"/>
        <source>Period</source>
        <translation>Period</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/dashboard_page.py" line="111"/>
        <source>Category</source>
        <translation>Category</translation>
    </message>
</context>
<context>
    <name>ClaimBar</name>
    <message>
        <location filename="../../ui/coordinator/claim_bar.py" line="125"/>
        <source>Hours of the claim</source>
        <translation>Hours of the claim</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/claim_bar.py" line="126"/>
        <source> h</source>
        <translation> h</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/claim_bar.py" line="127"/>
        <source>&amp;Release</source>
        <translation>&amp;Release</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/claim_bar.py" line="129"/>
        <source>S&amp;hared with the other coordinators</source>
        <translation>S&amp;hared with the other coordinators</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/claim_bar.py" line="131"/>
        <source>Unticked, the note stays in this vault; ticked, every coordinator sees it</source>
        <translation>Unticked, the note stays in this vault; ticked, every coordinator sees it</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/claim_bar.py" line="128"/>
        <source>Break cla&amp;im…</source>
        <translation>Break cla&amp;im…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/coordinator/claim_bar.py" line="139"/>
        <source>Rene&amp;w for %n hour(s)</source>
        <translation>
            <numerusform>Rene&amp;w for %n hour</numerusform>
            <numerusform>Rene&amp;w for %n hours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/coordinator/claim_bar.py" line="141"/>
        <source>&amp;Claim for %n hour(s)</source>
        <translation>
            <numerusform>&amp;Claim for %n hour</numerusform>
            <numerusform>&amp;Claim for %n hours</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/claim_bar.py" line="147"/>
        <source>Nobody is reviewing this report.</source>
        <translation>Nobody is reviewing this report.</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/claim_bar.py" line="150"/>
        <source>You are reviewing this until {time}.</source>
        <translation>You are reviewing this until {time}.</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/claim_bar.py" line="154"/>
        <source>{name} is reviewing this until {time}.</source>
        <translation>{name} is reviewing this until {time}.</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/claim_bar.py" line="224"/>
        <source>Break the claim?</source>
        <translation>Break the claim?</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/claim_bar.py" line="226"/>
        <source>{name} is reviewing this report until {time}.</source>
        <translation>{name} is reviewing this report until {time}.</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/claim_bar.py" line="232"/>
        <source>Breaking the claim is recorded for every coordinator: {name} and the others will see in the report&apos;s history that you broke it.</source>
        <translation>Breaking the claim is recorded for every coordinator: {name} and the others will see in the report&apos;s history that you broke it.</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/claim_bar.py" line="236"/>
        <source>&amp;Break the claim</source>
        <translation>&amp;Break the claim</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/claim_bar.py" line="237"/>
        <source>&amp;Keep it</source>
        <translation>&amp;Keep it</translation>
    </message>
</context>
<context>
    <name>ClaimWords</name>
    <message>
        <location filename="../../ui/coordinator/claim_bar.py" line="65"/>
        <source>broke {name}&apos;s claim (recorded for everyone)</source>
        <translation>broke {name}&apos;s claim (recorded for everyone)</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/claim_bar.py" line="72"/>
        <source>claimed it until {time}</source>
        <translation>claimed it until {time}</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/claim_bar.py" line="73"/>
        <source>released the claim</source>
        <translation>released the claim</translation>
    </message>
</context>
<context>
    <name>CoalitionPage</name>
    <message>
        <location filename="../../ui/common/first_run.py" line="277"/>
        <source>Your coalition</source>
        <translation>Your coalition</translation>
    </message>
    <message>
        <location filename="../../ui/common/first_run.py" line="280"/>
        <source>Load the coalition&apos;s keys file (coalition-keys.age, in the folder made when the coalition was created) and type the keys&apos; passphrase. The keys move into your vault.</source>
        <translation>Load the coalition&apos;s keys file (coalition-keys.age, in the folder made when the coalition was created) and type the keys&apos; passphrase. The keys move into your vault.</translation>
    </message>
    <message>
        <location filename="../../ui/common/first_run.py" line="285"/>
        <source>Choose the keys file…</source>
        <translation>Choose the keys file…</translation>
    </message>
    <message>
        <location filename="../../ui/common/first_run.py" line="286"/>
        <source>&amp;Keys passphrase</source>
        <translation>&amp;Keys passphrase</translation>
    </message>
    <message>
        <location filename="../../ui/common/first_run.py" line="287"/>
        <source>Keys passphrase</source>
        <translation>Keys passphrase</translation>
    </message>
    <message>
        <location filename="../../ui/common/first_run.py" line="292"/>
        <location filename="../../ui/common/first_run.py" line="293"/>
        <source>Coalition keys</source>
        <translation>Coalition keys</translation>
    </message>
</context>
<context>
    <name>CoalitionSettings</name>
    <message>
        <location filename="../../ui/common/coalition_settings.py" line="177"/>
        <source>Coalition</source>
        <translation>Coalition</translation>
    </message>
    <message>
        <location filename="../../ui/common/coalition_settings.py" line="180"/>
        <location filename="../../ui/common/coalition_settings.py" line="255"/>
        <source>Coalition profile</source>
        <translation>Coalition profile</translation>
    </message>
    <message>
        <location filename="../../ui/common/coalition_settings.py" line="181"/>
        <source>Connection to the coalition&apos;s relay</source>
        <translation>Connection to the coalition&apos;s relay</translation>
    </message>
    <message>
        <location filename="../../ui/common/coalition_settings.py" line="182"/>
        <source>Relay and connection</source>
        <translation>Relay and connection</translation>
    </message>
    <message>
        <location filename="../../ui/common/coalition_settings.py" line="183"/>
        <source>Compare it with the coordinator&apos;s, by phone or in person.</source>
        <translation>Compare it with the coordinator&apos;s, by phone or in person.</translation>
    </message>
    <message>
        <location filename="../../ui/common/coalition_settings.py" line="184"/>
        <source>Enrollment &amp;token</source>
        <translation>Enrollment &amp;token</translation>
    </message>
    <message>
        <location filename="../../ui/common/coalition_settings.py" line="185"/>
        <source>Enrollment token</source>
        <translation>Enrollment token</translation>
    </message>
    <message>
        <location filename="../../ui/common/coalition_settings.py" line="186"/>
        <source>C&amp;onnect</source>
        <translation>C&amp;onnect</translation>
    </message>
    <message>
        <location filename="../../ui/common/coalition_settings.py" line="187"/>
        <source>Read from a &amp;QR image…</source>
        <translation>Read from a &amp;QR image…</translation>
    </message>
    <message>
        <location filename="../../ui/common/coalition_settings.py" line="188"/>
        <source>Relay</source>
        <translation>Relay</translation>
    </message>
    <message>
        <location filename="../../ui/common/coalition_settings.py" line="189"/>
        <source>Connection</source>
        <translation>Connection</translation>
    </message>
    <message>
        <location filename="../../ui/common/coalition_settings.py" line="190"/>
        <source>&amp;Test connection</source>
        <translation>&amp;Test connection</translation>
    </message>
    <message>
        <location filename="../../ui/common/coalition_settings.py" line="191"/>
        <source>QR code of the fingerprint</source>
        <translation>QR code of the fingerprint</translation>
    </message>
    <message>
        <location filename="../../ui/common/coalition_settings.py" line="192"/>
        <source>Fingerprint</source>
        <translation>Fingerprint</translation>
    </message>
    <message>
        <location filename="../../ui/common/coalition_settings.py" line="209"/>
        <source>No coalition profile yet.</source>
        <translation>No coalition profile yet.</translation>
    </message>
    <message>
        <location filename="../../ui/common/coalition_settings.py" line="213"/>
        <source>&amp;Load a profile file…</source>
        <translation>&amp;Load a profile file…</translation>
    </message>
    <message>
        <location filename="../../ui/common/coalition_settings.py" line="215"/>
        <source>Coalition: %1</source>
        <translation>Coalition: %1</translation>
    </message>
    <message>
        <location filename="../../ui/common/coalition_settings.py" line="217"/>
        <source>Fingerprint: %1</source>
        <translation>Fingerprint: %1</translation>
    </message>
    <message>
        <location filename="../../ui/common/coalition_settings.py" line="224"/>
        <source>&amp;Replace the profile…</source>
        <translation>&amp;Replace the profile…</translation>
    </message>
    <message>
        <location filename="../../ui/common/coalition_settings.py" line="226"/>
        <source>Connected: this laptop is enrolled with the relay.</source>
        <translation>Connected: this laptop is enrolled with the relay.</translation>
    </message>
    <message>
        <location filename="../../ui/common/coalition_settings.py" line="228"/>
        <source>Not connected to a coalition yet: load its profile.</source>
        <translation>Not connected to a coalition yet: load its profile.</translation>
    </message>
    <message>
        <location filename="../../ui/common/coalition_settings.py" line="232"/>
        <source>Not connected yet: paste the enrollment token the coordinator gave you (it starts with tt1-) and press Connect.</source>
        <translation>Not connected yet: paste the enrollment token the coordinator gave you (it starts with tt1-) and press Connect.</translation>
    </message>
    <message>
        <location filename="../../ui/common/coalition_settings.py" line="239"/>
        <source>(none yet)</source>
        <translation>(none yet)</translation>
    </message>
    <message>
        <location filename="../../ui/common/coalition_settings.py" line="246"/>
        <source>Tor (%1)</source>
        <translation>Tor (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/common/coalition_settings.py" line="248"/>
        <source>SOCKS proxy (%1)</source>
        <translation>SOCKS proxy (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/common/coalition_settings.py" line="250"/>
        <source>Direct (HTTPS)</source>
        <translation>Direct (HTTPS)</translation>
    </message>
    <message>
        <location filename="../../ui/common/coalition_settings.py" line="286"/>
        <source>The trusted profile was kept.</source>
        <translation>The trusted profile was kept.</translation>
    </message>
    <message>
        <location filename="../../ui/common/coalition_settings.py" line="302"/>
        <source>Replace the coalition profile?</source>
        <translation>Replace the coalition profile?</translation>
    </message>
    <message>
        <location filename="../../ui/common/coalition_settings.py" line="305"/>
        <source>This profile is signed by a DIFFERENT coalition key than the one you trust. Replace it only if the coordinator confirmed the new fingerprint with you, by phone or in person.</source>
        <translation>This profile is signed by a DIFFERENT coalition key than the one you trust. Replace it only if the coordinator confirmed the new fingerprint with you, by phone or in person.</translation>
    </message>
    <message>
        <location filename="../../ui/common/coalition_settings.py" line="311"/>
        <source>Trusted now: %1
%2

New: %3
%4</source>
        <translation>Trusted now: %1
%2

New: %3
%4</translation>
    </message>
    <message>
        <location filename="../../ui/common/coalition_settings.py" line="319"/>
        <source>&amp;Replace it</source>
        <translation>&amp;Replace it</translation>
    </message>
    <message>
        <location filename="../../ui/common/coalition_settings.py" line="320"/>
        <source>&amp;Keep the trusted one</source>
        <translation>&amp;Keep the trusted one</translation>
    </message>
    <message>
        <location filename="../../ui/common/coalition_settings.py" line="331"/>
        <source>Profile loaded. Fingerprint: %1</source>
        <translation>Profile loaded. Fingerprint: %1</translation>
    </message>
    <message>
        <location filename="../../ui/common/coalition_settings.py" line="350"/>
        <source>Connecting…</source>
        <translation>Connecting…</translation>
    </message>
    <message>
        <location filename="../../ui/common/coalition_settings.py" line="358"/>
        <source>Image of the enrollment token&apos;s QR code</source>
        <translation>Image of the enrollment token&apos;s QR code</translation>
    </message>
    <message>
        <location filename="../../ui/common/coalition_settings.py" line="359"/>
        <source>Images</source>
        <translation>Images</translation>
    </message>
    <message>
        <location filename="../../ui/common/coalition_settings.py" line="373"/>
        <source>Reading the image…</source>
        <translation>Reading the image…</translation>
    </message>
    <message>
        <location filename="../../ui/common/coalition_settings.py" line="379"/>
        <source>Token read from the image: press Connect.</source>
        <translation>Token read from the image: press Connect.</translation>
    </message>
    <message>
        <location filename="../../ui/common/coalition_settings.py" line="388"/>
        <source>Connected. Shared incidents can now leave.</source>
        <translation>Connected. Shared incidents can now leave.</translation>
    </message>
    <message>
        <location filename="../../ui/common/coalition_settings.py" line="422"/>
        <source>Asking the relay…</source>
        <translation>Asking the relay…</translation>
    </message>
    <message>
        <location filename="../../ui/common/coalition_settings.py" line="423"/>
        <source>The relay answers over this connection.</source>
        <translation>The relay answers over this connection.</translation>
    </message>
    <message>
        <location filename="../../ui/common/coalition_settings.py" line="425"/>
        <source>Something answered, but it is not the coalition&apos;s relay: its key does not match the profile. Nothing was sent. Tell your trainer or coordinator.</source>
        <translation>Something answered, but it is not the coalition&apos;s relay: its key does not match the profile. Nothing was sent. Tell your trainer or coordinator.</translation>
    </message>
    <message>
        <location filename="../../ui/common/coalition_settings.py" line="429"/>
        <source>The relay does not answer over this connection. Check the internet connection (or Tor). Incidents wait safely in the outbox.</source>
        <translation>The relay does not answer over this connection. Check the internet connection (or Tor). Incidents wait safely in the outbox.</translation>
    </message>
    <message>
        <location filename="../../ui/common/coalition_settings.py" line="432"/>
        <source>No relay yet: load the coalition&apos;s profile first.</source>
        <translation>No relay yet: load the coalition&apos;s profile first.</translation>
    </message>
</context>
<context>
    <name>ComparisonModel</name>
    <message>
        <location filename="../../ui/reporter/share_page.py" line="81"/>
        <source>Field</source>
        <translation>Field</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/share_page.py" line="82"/>
        <source>What you recorded (stays on this computer)</source>
        <translation>What you recorded (stays on this computer)</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/share_page.py" line="83"/>
        <source>What the coalition receives</source>
        <translation>What the coalition receives</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/share_page.py" line="84"/>
        <source>Leaves?</source>
        <translation>Leaves?</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/share_page.py" line="93"/>
        <source>Leaves as it is</source>
        <translation>Leaves as it is</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/share_page.py" line="94"/>
        <source>Leaves generalized</source>
        <translation>Leaves generalized</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/share_page.py" line="95"/>
        <source>Stays here</source>
        <translation>Stays here</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/share_page.py" line="109"/>
        <source>(nothing)</source>
        <translation>(nothing)</translation>
    </message>
</context>
<context>
    <name>CoordinationPage</name>
    <message>
        <location filename="../../ui/coordinator/coordination_page.py" line="239"/>
        <source>My card</source>
        <translation>My card</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/coordination_page.py" line="239"/>
        <source>Roster</source>
        <translation>Roster</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/coordination_page.py" line="239"/>
        <location filename="../../ui/coordinator/coordination_page.py" line="260"/>
        <source>Problems</source>
        <translation>Problems</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/coordination_page.py" line="243"/>
        <source>&amp;Name the others see</source>
        <translation>&amp;Name the others see</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/coordination_page.py" line="244"/>
        <source>&amp;Save my card…</source>
        <translation>&amp;Save my card…</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/coordination_page.py" line="246"/>
        <source>A public file to give to the coalition admin, who adds it to the roster</source>
        <translation>A public file to give to the coalition admin, who adds it to the roster</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/coordination_page.py" line="248"/>
        <source>&amp;Import a roster file…</source>
        <translation>&amp;Import a roster file…</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/coordination_page.py" line="249"/>
        <source>Import new coalition &amp;keys…</source>
        <translation>Import new coalition &amp;keys…</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/coordination_page.py" line="251"/>
        <source>A key rotation&apos;s file sealed to you by the coalition admin (.testigo-keys)</source>
        <translation>A key rotation&apos;s file sealed to you by the coalition admin (.testigo-keys)</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/coordination_page.py" line="253"/>
        <source>S&amp;ync now</source>
        <translation>S&amp;ync now</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/coordination_page.py" line="255"/>
        <source>Send your triage decisions and receive the other coordinators&apos; (the relay)</source>
        <translation>Send your triage decisions and receive the other coordinators&apos; (the relay)</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/coordination_page.py" line="257"/>
        <source>&amp;Cancel</source>
        <translation>&amp;Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/coordination_page.py" line="259"/>
        <source>Roster members</source>
        <translation>Roster members</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/coordination_page.py" line="262"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/coordination_page.py" line="263"/>
        <source>Id</source>
        <translation>Id</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/coordination_page.py" line="264"/>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/coordination_page.py" line="265"/>
        <source>Events received</source>
        <translation>Events received</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/coordination_page.py" line="266"/>
        <source>Events sent</source>
        <translation>Events sent</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/coordination_page.py" line="269"/>
        <source>you</source>
        <translation>you</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/coordination_page.py" line="270"/>
        <source>active</source>
        <translation>active</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/coordination_page.py" line="271"/>
        <source>removed</source>
        <translation>removed</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/coordination_page.py" line="272"/>
        <source>{n} event(s)</source>
        <translation>{n} event(s)</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/coordination_page.py" line="306"/>
        <source>You: {name}, id {id}. {seq} decision(s) of yours, {unsent} not sent yet.</source>
        <translation>You: {name}, id {id}. {seq} decision(s) of yours, {unsent} not sent yet.</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/coordination_page.py" line="316"/>
        <source>No roster yet: save your card, give it to the coalition admin and import the roster file they send back.</source>
        <translation>No roster yet: save your card, give it to the coalition admin and import the roster file they send back.</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/coordination_page.py" line="323"/>
        <source>Roster number {serial} (key epoch {epoch}).</source>
        <translation>Roster number {serial} (key epoch {epoch}).</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/coordination_page.py" line="331"/>
        <source>No gaps, forks or refusals: the history is whole.</source>
        <translation>No gaps, forks or refusals: the history is whole.</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/coordination_page.py" line="338"/>
        <source>Restored from a backup: catching up with your own decisions on the relay ({adopted} adopted so far). Your new decisions are kept here and sent after that: sync now.</source>
        <translation>Restored from a backup: catching up with your own decisions on the relay ({adopted} adopted so far). Your new decisions are kept here and sent after that: sync now.</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/coordination_page.py" line="343"/>
        <source>Restored from a backup: caught up. {adopted} of your own decisions were adopted from the relay, {renumbered} taken meanwhile were numbered after them.</source>
        <translation>Restored from a backup: caught up. {adopted} of your own decisions were adopted from the relay, {renumbered} taken meanwhile were numbered after them.</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/coordination_page.py" line="355"/>
        <source>Missing decisions from {name} (numbers {ranges}): they never reached this vault, perhaps deleted on the relay. Sync again; if it stays, tell {name} and the coalition admin.</source>
        <translation>Missing decisions from {name} (numbers {ranges}): they never reached this vault, perhaps deleted on the relay. Sync again; if it stays, tell {name} and the coalition admin.</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/coordination_page.py" line="363"/>
        <source>Two different decisions from {name} carry the same number ({seq}): their key may be used elsewhere. Every vault keeps the same one; tell the coalition admin, who may remove {name} from the roster.</source>
        <translation>Two different decisions from {name} carry the same number ({seq}): their key may be used elsewhere. Every vault keeps the same one; tell the coalition admin, who may remove {name} from the roster.</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/coordination_page.py" line="371"/>
        <source>A decision from {name} was refused ({reason}): nothing of it was applied. Tell the coalition admin.</source>
        <translation>A decision from {name} was refused ({reason}): nothing of it was applied. Tell the coalition admin.</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/coordination_page.py" line="384"/>
        <source>two different events with the same number</source>
        <translation>two different events with the same number</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/coordination_page.py" line="387"/>
        <source>the previous event&apos;s hash does not match</source>
        <translation>the previous event&apos;s hash does not match</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/coordination_page.py" line="389"/>
        <source>the author is not in the roster</source>
        <translation>the author is not in the roster</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/coordination_page.py" line="390"/>
        <source>the signature does not verify</source>
        <translation>the signature does not verify</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/coordination_page.py" line="392"/>
        <source>the author was removed from the roster before this event</source>
        <translation>the author was removed from the roster before this event</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/coordination_page.py" line="394"/>
        <source>a malformed event</source>
        <translation>a malformed event</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/coordination_page.py" line="396"/>
        <source>the event&apos;s Lamport clock runs too far ahead</source>
        <translation>the event&apos;s Lamport clock runs too far ahead</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/coordination_page.py" line="398"/>
        <source>an unreadable coordination object</source>
        <translation>an unreadable coordination object</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/coordination_page.py" line="400"/>
        <source>an unknown kind of coordination object</source>
        <translation>an unknown kind of coordination object</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/coordination_page.py" line="415"/>
        <source>Acknowledged: a new decision made elsewhere will warn again.</source>
        <translation>Acknowledged: a new decision made elsewhere will warn again.</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/coordination_page.py" line="428"/>
        <source>Save my card as</source>
        <translation>Save my card as</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/coordination_page.py" line="446"/>
        <source>Card of {name} saved to {file}: give it to the coalition admin.</source>
        <translation>Card of {name} saved to {file}: give it to the coalition admin.</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/coordination_page.py" line="456"/>
        <source>Roster file</source>
        <translation>Roster file</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/coordination_page.py" line="456"/>
        <source>Rosters (*.testigo-roster);;All files (*)</source>
        <translation>Rosters (*.testigo-roster);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/coordination_page.py" line="473"/>
        <source>Roster number {serial} imported.</source>
        <translation>Roster number {serial} imported.</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/coordination_page.py" line="475"/>
        <source>This vault already holds roster number {serial}.</source>
        <translation>This vault already holds roster number {serial}.</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/coordination_page.py" line="485"/>
        <source>Coalition keys file</source>
        <translation>Coalition keys file</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/coordination_page.py" line="485"/>
        <source>Keys (*.testigo-keys);;All files (*)</source>
        <translation>Keys (*.testigo-keys);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/coordination_page.py" line="501"/>
        <source>New coalition keys imported: this vault now opens epoch {epoch}.</source>
        <translation>New coalition keys imported: this vault now opens epoch {epoch}.</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/coordination_page.py" line="523"/>
        <source>Exchanging decisions with the other coordinators…</source>
        <translation>Exchanging decisions with the other coordinators…</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/coordination_page.py" line="537"/>
        <source>Sent {sent} decision(s); received {received} object(s): {applied} applied, {refused} refused.</source>
        <translation>Sent {sent} decision(s); received {received} object(s): {applied} applied, {refused} refused.</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/coordination_page.py" line="546"/>
        <source>Nothing sent: this vault has no roster yet.</source>
        <translation>Nothing sent: this vault has no roster yet.</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/coordination_page.py" line="548"/>
        <source>Nothing sent: you are not an active member of the roster.</source>
        <translation>Nothing sent: you are not an active member of the roster.</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/coordination_page.py" line="557"/>
        <source>Cancelled: what was received so far is kept.</source>
        <translation>Cancelled: what was received so far is kept.</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/coordination_page.py" line="567"/>
        <source>Cancelling…</source>
        <translation>Cancelling…</translation>
    </message>
</context>
<context>
    <name>CoordinatorWindow</name>
    <message>
        <location filename="../../ui/coordinator/window.py" line="149"/>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/window.py" line="149"/>
        <source>Testigo — coordination</source>
        <translation>Testigo — coordination</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/window.py" line="151"/>
        <source>Inbox</source>
        <translation>Inbox</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/window.py" line="152"/>
        <source>Dashboard</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/window.py" line="153"/>
        <source>Spyware</source>
        <translation>Spyware</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/window.py" line="154"/>
        <source>Map</source>
        <translation>Map</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/window.py" line="155"/>
        <source>Refused</source>
        <translation>Refused</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/window.py" line="156"/>
        <source>Devices</source>
        <translation>Devices</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/window.py" line="157"/>
        <source>Coordination</source>
        <translation>Coordination</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/window.py" line="158"/>
        <source>Pull now</source>
        <translation>Pull now</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/window.py" line="160"/>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/window.py" line="159"/>
        <source>Export…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/window.py" line="161"/>
        <source>Lock</source>
        <translation>Lock</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/window.py" line="164"/>
        <source>Help</source>
        <translation>Help</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/window.py" line="164"/>
        <source>&amp;Diagnostics…</source>
        <translation>&amp;Diagnostics…</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/window.py" line="165"/>
        <source>&amp;Count</source>
        <translation>&amp;Count</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/window.py" line="169"/>
        <source>reports</source>
        <translation>reports</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/window.py" line="170"/>
        <source>events (a same-event group once)</source>
        <translation>events (a same-event group once)</translation>
    </message>
</context>
<context>
    <name>CopyWarning</name>
    <message>
        <location filename="../../ui/coordinator/copy_warning.py" line="39"/>
        <source>I know, this is &amp;me</source>
        <translation>I know, this is &amp;me</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/copy_warning.py" line="42"/>
        <source>You moved this identity to another computer on purpose: stop this warning for what it shows now. New decisions made elsewhere will warn again.</source>
        <translation>You moved this identity to another computer on purpose: stop this warning for what it shows now. New decisions made elsewhere will warn again.</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/copy_warning.py" line="57"/>
        <source>{events} of your own decisions (from number {first_seq}) were made on another computer with your coordinator identity. If that was not you, tell the coalition admin now: your identity may be copied.</source>
        <translation>{events} of your own decisions (from number {first_seq}) were made on another computer with your coordinator identity. If that was not you, tell the coalition admin now: your identity may be copied.</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <location filename="../../ui/coordinator/dashboard_page.py" line="228"/>
        <source>By month</source>
        <translation>By month</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/dashboard_page.py" line="229"/>
        <source>By half-year</source>
        <translation>By half-year</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/dashboard_page.py" line="230"/>
        <source>By year</source>
        <translation>By year</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/dashboard_page.py" line="231"/>
        <source>By state</source>
        <translation>By state</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/dashboard_page.py" line="232"/>
        <source>By perpetrator</source>
        <translation>By perpetrator</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/dashboard_page.py" line="233"/>
        <source>By incident type</source>
        <translation>By incident type</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/dashboard_page.py" line="234"/>
        <source>By target profile</source>
        <translation>By target profile</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/dashboard_page.py" line="235"/>
        <source>By gender</source>
        <translation>By gender</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/dashboard_page.py" line="236"/>
        <source>By coverage topic</source>
        <translation>By coverage topic</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/dashboard_page.py" line="240"/>
        <source>reports</source>
        <translation>reports</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/dashboard_page.py" line="240"/>
        <source>events</source>
        <translation>events</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/dashboard_page.py" line="246"/>
        <source>&amp;Count by</source>
        <translation>&amp;Count by</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/dashboard_page.py" line="248"/>
        <source>month</source>
        <translation>month</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/dashboard_page.py" line="249"/>
        <source>half-year</source>
        <translation>half-year</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/dashboard_page.py" line="250"/>
        <source>year</source>
        <translation>year</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/dashboard_page.py" line="259"/>
        <source>Count the time chart by</source>
        <translation>Count the time chart by</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/dashboard_page.py" line="273"/>
        <source>{n} {unit} counted in this selection</source>
        <translation>{n} {unit} counted in this selection</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/dashboard_page.py" line="279"/>
        <source>Documented cases, not prevalence. Of these reports, {month} have only a month or year, {place} only a state, and {unknown} an unknown perpetrator.</source>
        <translation>Documented cases, not prevalence. Of these reports, {month} have only a month or year, {place} only a state, and {unknown} an unknown perpetrator.</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/dashboard_page.py" line="294"/>
        <source>none in this period</source>
        <translation>none in this period</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/dashboard_page.py" line="296"/>
        <source>one every {hours} hours</source>
        <translation>one every {hours} hours</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/dashboard_page.py" line="299"/>
        <source>one every {hours} hours (about {days} days)</source>
        <translation>one every {hours} hours (about {days} days)</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/dashboard_page.py" line="303"/>
        <source>From {start} to {end}: {n} {unit}, {every}.</source>
        <translation>From {start} to {end}: {n} {unit}, {every}.</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/dashboard_page.py" line="312"/>
        <source>The period before ({start} to {end}): {n} {unit} ({change}).</source>
        <translation>The period before ({start} to {end}): {n} {unit} ({change}).</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/coordinator/dashboard_page.py" line="322"/>
        <source>%n report(s) still pending triage, not counted here.</source>
        <translation>
            <numerusform>%n report is still pending triage, not counted here.</numerusform>
            <numerusform>%n reports are still pending triage, not counted here.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DevicesPage</name>
    <message>
        <location filename="../../ui/coordinator/devices_page.py" line="122"/>
        <source>Compare a device&apos;s fingerprint with the one its person reads to you (in person or by a call you trust), then mark it verified.</source>
        <translation>Compare a device&apos;s fingerprint with the one its person reads to you (in person or by a call you trust), then mark it verified.</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/devices_page.py" line="128"/>
        <source>Fingerprint</source>
        <translation>Fingerprint</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/devices_page.py" line="128"/>
        <source>Verified</source>
        <translation>Verified</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/devices_page.py" line="128"/>
        <source>Bundles</source>
        <translation>Bundles</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/devices_page.py" line="128"/>
        <source>Missing</source>
        <translation>Missing</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/devices_page.py" line="130"/>
        <source>Devices</source>
        <translation>Devices</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/devices_page.py" line="131"/>
        <source>&amp;Mark verified</source>
        <translation>&amp;Mark verified</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/devices_page.py" line="147"/>
        <source>verified</source>
        <translation>verified</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/devices_page.py" line="147"/>
        <source>not verified</source>
        <translation>not verified</translation>
    </message>
</context>
<context>
    <name>DiagnosticsDialog</name>
    <message>
        <location filename="../../ui/common/diagnostics_dialog.py" line="62"/>
        <location filename="../../ui/common/diagnostics_dialog.py" line="70"/>
        <source>Diagnostics</source>
        <translation>Diagnostics</translation>
    </message>
    <message>
        <location filename="../../ui/common/diagnostics_dialog.py" line="65"/>
        <source>What went wrong since Testigo started, for whoever helps you: the kind of each error and where in Testigo&apos;s code it happened, never anything you recorded. It is kept in memory only and is gone when Testigo closes.</source>
        <translation>What went wrong since Testigo started, for whoever helps you: the kind of each error and where in Testigo&apos;s code it happened, never anything you recorded. It is kept in memory only and is gone when Testigo closes.</translation>
    </message>
    <message>
        <location filename="../../ui/common/diagnostics_dialog.py" line="71"/>
        <source>&amp;Copy</source>
        <translation>&amp;Copy</translation>
    </message>
    <message>
        <location filename="../../ui/common/diagnostics_dialog.py" line="72"/>
        <source>&amp;Save…</source>
        <translation>&amp;Save…</translation>
    </message>
    <message>
        <location filename="../../ui/common/diagnostics_dialog.py" line="78"/>
        <source>Nothing has gone wrong since Testigo started.</source>
        <translation>Nothing has gone wrong since Testigo started.</translation>
    </message>
    <message>
        <location filename="../../ui/common/diagnostics_dialog.py" line="93"/>
        <source>Save diagnostics</source>
        <translation>Save diagnostics</translation>
    </message>
</context>
<context>
    <name>DoctorPage</name>
    <message>
        <location filename="../../ui/common/doctor_page.py" line="67"/>
        <source>&amp;Check again</source>
        <translation>&amp;Check again</translation>
    </message>
    <message>
        <location filename="../../ui/common/doctor_page.py" line="67"/>
        <source>&amp;Check this computer</source>
        <translation>&amp;Check this computer</translation>
    </message>
    <message>
        <location filename="../../ui/common/doctor_page.py" line="69"/>
        <source>Checks</source>
        <translation>Checks</translation>
    </message>
    <message>
        <location filename="../../ui/common/doctor_page.py" line="76"/>
        <source>Checking…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <location filename="../../ui/common/doctor_page.py" line="102"/>
        <source>What to do: %1</source>
        <translation>What to do: %1</translation>
    </message>
    <message>
        <location filename="../../ui/common/doctor_page.py" line="113"/>
        <source>%1 to fix, %2 to look at, of %3 checks.</source>
        <translation>%1 to fix, %2 to look at, of %3 checks.</translation>
    </message>
    <message>
        <location filename="../../ui/common/doctor_page.py" line="121"/>
        <source>Checks this computer&apos;s safety and the connection to the coalition, and says what to fix.</source>
        <translation>Checks this computer&apos;s safety and the connection to the coalition, and says what to fix.</translation>
    </message>
    <message>
        <location filename="../../ui/common/doctor_page.py" line="128"/>
        <source>Fine</source>
        <translation>Fine</translation>
    </message>
    <message>
        <location filename="../../ui/common/doctor_page.py" line="129"/>
        <source>Look at this</source>
        <translation>Look at this</translation>
    </message>
    <message>
        <location filename="../../ui/common/doctor_page.py" line="130"/>
        <source>Fix this</source>
        <translation>Fix this</translation>
    </message>
    <message>
        <location filename="../../ui/common/doctor_page.py" line="131"/>
        <source>Not checked</source>
        <translation>Not checked</translation>
    </message>
</context>
<context>
    <name>ErrorWords</name>
    <message>
        <location filename="../../ui/common/errors.py" line="24"/>
        <source>Check the passphrase and try again.</source>
        <translation>Check the passphrase and try again.</translation>
    </message>
    <message>
        <location filename="../../ui/common/errors.py" line="25"/>
        <source>Testigo keeps it in the outbox and tries again later.</source>
        <translation>Testigo keeps it in the outbox and tries again later.</translation>
    </message>
    <message>
        <location filename="../../ui/common/errors.py" line="26"/>
        <source>Free some disk space, then try again.</source>
        <translation>Free some disk space, then try again.</translation>
    </message>
</context>
<context>
    <name>EvidenceViewer</name>
    <message>
        <location filename="../../ui/common/evidence_viewer.py" line="245"/>
        <source>Picture</source>
        <translation>Picture</translation>
    </message>
    <message>
        <location filename="../../ui/common/evidence_viewer.py" line="250"/>
        <source>&amp;Actual size (100 %)</source>
        <translation>&amp;Actual size (100 %)</translation>
    </message>
    <message>
        <location filename="../../ui/common/evidence_viewer.py" line="253"/>
        <source>Show the picture at 100 %, or fit it again</source>
        <translation>Show the picture at 100 %, or fit it again</translation>
    </message>
    <message>
        <location filename="../../ui/common/evidence_viewer.py" line="280"/>
        <source>This kind of file cannot be shown here. Use Extract… to save a copy where you choose.</source>
        <translation>This kind of file cannot be shown here. Use Extract… to save a copy where you choose.</translation>
    </message>
    <message>
        <location filename="../../ui/common/evidence_viewer.py" line="287"/>
        <source>Type: {media_type}
Size: {size} ({bytes} bytes)</source>
        <translation>Type: {media_type}
Size: {size} ({bytes} bytes)</translation>
    </message>
    <message>
        <location filename="../../ui/common/evidence_viewer.py" line="299"/>
        <source>E&amp;xtract…</source>
        <translation>E&amp;xtract…</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../ui/coordinator/export_dialog.py" line="132"/>
        <source>Export reports</source>
        <translation>Export reports</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/export_dialog.py" line="134"/>
        <source>Spreadsheet (CSV) with its codebook</source>
        <translation>Spreadsheet (CSV) with its codebook</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/export_dialog.py" line="135"/>
        <source>JSON (HURIDOCS events)</source>
        <translation>JSON (HURIDOCS events)</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/export_dialog.py" line="136"/>
        <source>Uwazi collection (CSV and template)</source>
        <translation>Uwazi collection (CSV and template)</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/export_dialog.py" line="137"/>
        <source>Spyware indicators (STIX 2.1, for MVT)</source>
        <translation>Spyware indicators (STIX 2.1, for MVT)</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/export_dialog.py" line="138"/>
        <source>Summary report (PDF)</source>
        <translation>Summary report (PDF)</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/export_dialog.py" line="139"/>
        <source>Evidence packet for the chosen cases (zip)</source>
        <translation>Evidence packet for the chosen cases (zip)</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/export_dialog.py" line="144"/>
        <source>Any</source>
        <translation>Any</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/export_dialog.py" line="155"/>
        <location filename="../../ui/coordinator/export_dialog.py" line="156"/>
        <source>YYYY, YYYY-MM or YYYY-MM-DD</source>
        <translation>YYYY, YYYY-MM or YYYY-MM-DD</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/export_dialog.py" line="160"/>
        <source>&amp;Format</source>
        <translation>&amp;Format</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/export_dialog.py" line="161"/>
        <source>&amp;Language of the file</source>
        <translation>&amp;Language of the file</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/export_dialog.py" line="162"/>
        <source>F&amp;rom (incident date)</source>
        <translation>F&amp;rom (incident date)</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/export_dialog.py" line="163"/>
        <source>T&amp;o (incident date)</source>
        <translation>T&amp;o (incident date)</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/export_dialog.py" line="164"/>
        <source>&amp;State</source>
        <translation>&amp;State</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/export_dialog.py" line="165"/>
        <source>Incident &amp;type</source>
        <translation>Incident &amp;type</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/export_dialog.py" line="170"/>
        <source>Every received report, not only the counted ones</source>
        <translation>Every received report, not only the counted ones</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/export_dialog.py" line="171"/>
        <source>Include the coordinators&apos; notes and tags</source>
        <translation>Include the coordinators&apos; notes and tags</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/export_dialog.py" line="172"/>
        <source>For publication: counts only, hide counts below k</source>
        <translation>For publication: counts only, hide counts below k</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/export_dialog.py" line="174"/>
        <source>Smallest count shown</source>
        <translation>Smallest count shown</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/export_dialog.py" line="175"/>
        <location filename="../../ui/coordinator/export_dialog.py" line="176"/>
        <source>File to write</source>
        <translation>File to write</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/export_dialog.py" line="177"/>
        <source>&amp;Choose…</source>
        <translation>&amp;Choose…</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/export_dialog.py" line="178"/>
        <source>&amp;Export</source>
        <translation>&amp;Export</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/export_dialog.py" line="179"/>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/export_dialog.py" line="193"/>
        <source>Export to</source>
        <translation>Export to</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/export_dialog.py" line="216"/>
        <source>Choose the file to write first.</source>
        <translation>Choose the file to write first.</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/export_dialog.py" line="255"/>
        <source>Exporting…</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/export_dialog.py" line="269"/>
        <source>Replace the files beside the export?</source>
        <translation>Replace the files beside the export?</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/export_dialog.py" line="272"/>
        <source>These files beside the export were changed since Testigo wrote them, perhaps by hand. Replace them too?</source>
        <translation>These files beside the export were changed since Testigo wrote them, perhaps by hand. Replace them too?</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/export_dialog.py" line="279"/>
        <source>&amp;Replace them too</source>
        <translation>&amp;Replace them too</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/export_dialog.py" line="282"/>
        <source>&amp;Keep mine (write only the main file)</source>
        <translation>&amp;Keep mine (write only the main file)</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/export_dialog.py" line="284"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/export_dialog.py" line="298"/>
        <source>Nothing was written.</source>
        <translation>Nothing was written.</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/export_dialog.py" line="311"/>
        <source>Reports exported: {n}. Written:</source>
        <translation>Reports exported: {n}. Written:</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/export_dialog.py" line="314"/>
        <source>Kept as they were:</source>
        <translation>Kept as they were:</translation>
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
        <location filename="../../ui/common/field_names.py" line="18"/>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../../ui/common/field_names.py" line="19"/>
        <source>Incident types</source>
        <translation>Incident types</translation>
    </message>
    <message>
        <location filename="../../ui/common/field_names.py" line="20"/>
        <source>Sphere</source>
        <translation>Sphere</translation>
    </message>
    <message>
        <location filename="../../ui/common/field_names.py" line="21"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../ui/common/field_names.py" line="22"/>
        <source>End date</source>
        <translation>End date</translation>
    </message>
    <message>
        <location filename="../../ui/common/field_names.py" line="23"/>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../ui/common/field_names.py" line="24"/>
        <source>Date precision</source>
        <translation>Date precision</translation>
    </message>
    <message>
        <location filename="../../ui/common/field_names.py" line="25"/>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../ui/common/field_names.py" line="26"/>
        <source>Municipality</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <location filename="../../ui/common/field_names.py" line="27"/>
        <source>Exact place</source>
        <translation>Exact place</translation>
    </message>
    <message>
        <location filename="../../ui/common/field_names.py" line="28"/>
        <source>Coordinates</source>
        <translation>Coordinates</translation>
    </message>
    <message>
        <location filename="../../ui/common/field_names.py" line="29"/>
        <source>Type of place</source>
        <translation>Type of place</translation>
    </message>
    <message>
        <location filename="../../ui/common/field_names.py" line="30"/>
        <source>profile</source>
        <translation>profile</translation>
    </message>
    <message>
        <location filename="../../ui/common/field_names.py" line="31"/>
        <source>gender</source>
        <translation>gender</translation>
    </message>
    <message>
        <location filename="../../ui/common/field_names.py" line="32"/>
        <source>age</source>
        <translation>age</translation>
    </message>
    <message>
        <location filename="../../ui/common/field_names.py" line="33"/>
        <source>topics covered</source>
        <translation>topics covered</translation>
    </message>
    <message>
        <location filename="../../ui/common/field_names.py" line="34"/>
        <source>names</source>
        <translation>names</translation>
    </message>
    <message>
        <location filename="../../ui/common/field_names.py" line="35"/>
        <source>contact</source>
        <translation>contact</translation>
    </message>
    <message>
        <location filename="../../ui/common/field_names.py" line="36"/>
        <source>Perpetrators</source>
        <translation>Perpetrators</translation>
    </message>
    <message>
        <location filename="../../ui/common/field_names.py" line="37"/>
        <source>Vectors</source>
        <translation>Vectors</translation>
    </message>
    <message>
        <location filename="../../ui/common/field_names.py" line="38"/>
        <source>Compromise</source>
        <translation>Compromise</translation>
    </message>
    <message>
        <location filename="../../ui/common/field_names.py" line="39"/>
        <source>Detected by</source>
        <translation>Detected by</translation>
    </message>
    <message>
        <location filename="../../ui/common/field_names.py" line="40"/>
        <source>Platform</source>
        <translation>Platform</translation>
    </message>
    <message>
        <location filename="../../ui/common/field_names.py" line="41"/>
        <source>Spyware</source>
        <translation>Spyware</translation>
    </message>
    <message>
        <location filename="../../ui/common/field_names.py" line="42"/>
        <source>Technical indicators</source>
        <translation>Technical indicators</translation>
    </message>
    <message>
        <location filename="../../ui/common/field_names.py" line="43"/>
        <source>Technical indicator</source>
        <translation>Technical indicator</translation>
    </message>
    <message>
        <location filename="../../ui/common/field_names.py" line="44"/>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <location filename="../../ui/common/field_names.py" line="45"/>
        <source>Record status</source>
        <translation>Record status</translation>
    </message>
    <message>
        <location filename="../../ui/common/field_names.py" line="46"/>
        <source>Sensitivity</source>
        <translation>Sensitivity</translation>
    </message>
    <message>
        <location filename="../../ui/common/field_names.py" line="47"/>
        <source>Private notes</source>
        <translation>Private notes</translation>
    </message>
    <message>
        <location filename="../../ui/common/field_names.py" line="48"/>
        <source>Files</source>
        <translation>Files</translation>
    </message>
    <message>
        <location filename="../../ui/common/field_names.py" line="51"/>
        <source>Person %1</source>
        <translation>Person %1</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <location filename="../../ui/coordinator/common.py" line="152"/>
        <source>&amp;From</source>
        <translation>&amp;From</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/common.py" line="153"/>
        <source>&amp;To</source>
        <translation>&amp;To</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/common.py" line="154"/>
        <source>T&amp;ype</source>
        <translation>T&amp;ype</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/common.py" line="155"/>
        <source>&amp;State</source>
        <translation>&amp;State</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/common.py" line="156"/>
        <source>&amp;Perpetrator</source>
        <translation>&amp;Perpetrator</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/common.py" line="157"/>
        <source>&amp;Verification</source>
        <translation>&amp;Verification</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/common.py" line="161"/>
        <location filename="../../ui/coordinator/common.py" line="162"/>
        <source>YYYY-MM</source>
        <translation>YYYY-MM</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/common.py" line="163"/>
        <source>From date</source>
        <translation>From date</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/common.py" line="164"/>
        <source>To date</source>
        <translation>To date</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/common.py" line="165"/>
        <source>Clear filters</source>
        <translation>Clear filters</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/common.py" line="173"/>
        <source>State actors</source>
        <translation>State actors</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/common.py" line="173"/>
        <source>Non-state actors</source>
        <translation>Non-state actors</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/common.py" line="177"/>
        <source>Unverified</source>
        <translation>Unverified</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/common.py" line="178"/>
        <source>Corroborated</source>
        <translation>Corroborated</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/common.py" line="179"/>
        <source>Forensically confirmed</source>
        <translation>Forensically confirmed</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/common.py" line="187"/>
        <source>All</source>
        <translation>All</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <location filename="../../ui/common/first_run.py" line="376"/>
        <source>Welcome to Testigo</source>
        <translation>Welcome to Testigo</translation>
    </message>
    <message>
        <location filename="../../ui/common/first_run.py" line="376"/>
        <source>Welcome</source>
        <translation>Welcome</translation>
    </message>
    <message>
        <location filename="../../ui/common/first_run.py" line="377"/>
        <source>Restore from a backup…</source>
        <translation>Restore from a backup…</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <location filename="../../ui/reporter/incidents/history.py" line="17"/>
        <source>History</source>
        <translation>History</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/history.py" line="25"/>
        <source>Revision {n} — {at} — {action}</source>
        <translation>Revision {n} — {at} — {action}</translation>
    </message>
</context>
<context>
    <name>InboxPage</name>
    <message>
        <location filename="../../ui/coordinator/inbox_page.py" line="252"/>
        <source>Show every report (not only counted ones)</source>
        <translation>Show every report (not only counted ones)</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/inbox_page.py" line="253"/>
        <source>Write &amp;receipt files…</source>
        <translation>Write &amp;receipt files…</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/inbox_page.py" line="256"/>
        <source>Receipts for bundles imported from files, to carry back on the stick: each reporter imports them in the Outbox</source>
        <translation>Receipts for bundles imported from files, to carry back on the stick: each reporter imports them in the Outbox</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/inbox_page.py" line="260"/>
        <source>Received reports</source>
        <translation>Received reports</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/inbox_page.py" line="263"/>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/inbox_page.py" line="264"/>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/inbox_page.py" line="265"/>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/inbox_page.py" line="266"/>
        <source>Month</source>
        <translation>Month</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/inbox_page.py" line="267"/>
        <source>Device</source>
        <translation>Device</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/inbox_page.py" line="268"/>
        <source>Received</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/inbox_page.py" line="269"/>
        <source>By</source>
        <translation>By</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/inbox_page.py" line="270"/>
        <source>Review / verification / counting</source>
        <translation>Review / verification / counting</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/inbox_page.py" line="273"/>
        <source>verified</source>
        <translation>verified</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/inbox_page.py" line="274"/>
        <source>not verified</source>
        <translation>not verified</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/inbox_page.py" line="275"/>
        <source>{n} missing</source>
        <translation>{n} missing</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/inbox_page.py" line="276"/>
        <source>relay</source>
        <translation>relay</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/inbox_page.py" line="277"/>
        <source>file</source>
        <translation>file</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/inbox_page.py" line="278"/>
        <source>{name} is reviewing</source>
        <translation>{name} is reviewing</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/inbox_page.py" line="288"/>
        <source>The reports behind the number you chose</source>
        <translation>The reports behind the number you chose</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/coordinator/inbox_page.py" line="343"/>
        <source>%n report(s)</source>
        <translation>
            <numerusform>%n report</numerusform>
            <numerusform>%n reports</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/inbox_page.py" line="369"/>
        <source>Folder for the receipt files</source>
        <translation>Folder for the receipt files</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/coordinator/inbox_page.py" line="391"/>
        <source>%n receipt file(s) written</source>
        <translation>
            <numerusform>%n receipt file written</numerusform>
            <numerusform>%n receipt files written</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/inbox_page.py" line="393"/>
        <source>Every bundle from a file already has its receipt file</source>
        <translation>Every bundle from a file already has its receipt file</translation>
    </message>
</context>
<context>
    <name>IncidentEditor</name>
    <message>
        <location filename="../../ui/reporter/incidents/editor.py" line="250"/>
        <source>(private: never shared)</source>
        <translation>(private: never shared)</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/editor.py" line="252"/>
        <source>&amp;Title</source>
        <translation>&amp;Title</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/editor.py" line="253"/>
        <source>&amp;Description</source>
        <translation>&amp;Description</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/editor.py" line="254"/>
        <source>T&amp;ypes of incident</source>
        <translation>T&amp;ypes of incident</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/editor.py" line="255"/>
        <source>Sphere</source>
        <translation>Sphere</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/editor.py" line="256"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/editor.py" line="257"/>
        <source>Sensitivity</source>
        <translation>Sensitivity</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/editor.py" line="258"/>
        <source>Tags (comma separated)</source>
        <translation>Tags (comma separated)</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/editor.py" line="259"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/editor.py" line="260"/>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/editor.py" line="261"/>
        <source>Date precision</source>
        <translation>Date precision</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/editor.py" line="262"/>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/editor.py" line="263"/>
        <location filename="../../ui/reporter/incidents/editor.py" line="310"/>
        <source>Municipality (INEGI code)</source>
        <translation>Municipality (INEGI code)</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/editor.py" line="264"/>
        <source>Place</source>
        <translation>Place</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/editor.py" line="265"/>
        <source>Type of place</source>
        <translation>Type of place</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/editor.py" line="266"/>
        <source>Who was targeted</source>
        <translation>Who was targeted</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/editor.py" line="267"/>
        <source>Gender</source>
        <translation>Gender</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/editor.py" line="268"/>
        <source>Names or aliases</source>
        <translation>Names or aliases</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/editor.py" line="269"/>
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/editor.py" line="270"/>
        <source>Suspected perpetrators</source>
        <translation>Suspected perpetrators</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/editor.py" line="271"/>
        <source>How it arrived</source>
        <translation>How it arrived</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/editor.py" line="272"/>
        <source>Spyware status</source>
        <translation>Spyware status</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/editor.py" line="273"/>
        <source>Spyware family</source>
        <translation>Spyware family</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/editor.py" line="274"/>
        <source>Platform</source>
        <translation>Platform</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/editor.py" line="275"/>
        <source>How it was detected</source>
        <translation>How it was detected</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/editor.py" line="276"/>
        <source>Technical indicator</source>
        <translation>Technical indicator</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/editor.py" line="278"/>
        <source>Indicators</source>
        <translation>Indicators</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/editor.py" line="279"/>
        <location filename="../../ui/reporter/incidents/editor.py" line="293"/>
        <source>Private notes</source>
        <translation>Private notes</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/editor.py" line="287"/>
        <source>What happened</source>
        <translation>What happened</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/editor.py" line="288"/>
        <source>When and where</source>
        <translation>When and where</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/editor.py" line="289"/>
        <source>People</source>
        <translation>People</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/editor.py" line="290"/>
        <source>Digital</source>
        <translation>Digital</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/editor.py" line="291"/>
        <source>Consent</source>
        <translation>Consent</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/editor.py" line="292"/>
        <source>Files</source>
        <translation>Files</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/editor.py" line="294"/>
        <source>Questions</source>
        <translation>Questions</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/editor.py" line="304"/>
        <source>Add</source>
        <translation>Add</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/editor.py" line="305"/>
        <source>&amp;Save</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/editor.py" line="306"/>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/editor.py" line="307"/>
        <source>&amp;History</source>
        <translation>&amp;History</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/editor.py" line="311"/>
        <source>Municipality by name</source>
        <translation>Municipality by name</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/editor.py" line="491"/>
        <source>Draft saved.</source>
        <translation>Draft saved.</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/editor.py" line="491"/>
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
        <location filename="../../ui/reporter/incidents/list_page.py" line="195"/>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/list_page.py" line="196"/>
        <source>Delete this incident and its files for good? This cannot be undone.</source>
        <translation>Delete this incident and its files for good? This cannot be undone.</translation>
    </message>
</context>
<context>
    <name>IncidentQuestionsModel</name>
    <message>
        <location filename="../../ui/reporter/incidents/questions.py" line="42"/>
        <source>not answered</source>
        <translation>not answered</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/questions.py" line="43"/>
        <source>answered: leaves with the next share</source>
        <translation>answered: leaves with the next share</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/questions.py" line="44"/>
        <source>answer sent</source>
        <translation>answer sent</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/questions.py" line="54"/>
        <source>Could you share more?</source>
        <translation>Could you share more?</translation>
    </message>
</context>
<context>
    <name>IncidentTableModel</name>
    <message>
        <location filename="../../ui/reporter/incidents/model.py" line="60"/>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/model.py" line="61"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/model.py" line="62"/>
        <source>Types</source>
        <translation>Types</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/model.py" line="63"/>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/model.py" line="64"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/model.py" line="65"/>
        <source>Shared</source>
        <translation>Shared</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/model.py" line="66"/>
        <source>Updated</source>
        <translation>Updated</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/model.py" line="90"/>
        <source>(untitled)</source>
        <translation>(untitled)</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/model.py" line="95"/>
        <source>in the outbox</source>
        <translation>in the outbox</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/model.py" line="96"/>
        <source>sending</source>
        <translation>sending</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/model.py" line="97"/>
        <source>sent</source>
        <translation>sent</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/model.py" line="98"/>
        <source>received by the coalition</source>
        <translation>received by the coalition</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/model.py" line="99"/>
        <source>failed</source>
        <translation>failed</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/model.py" line="100"/>
        <source>cancelled</source>
        <translation>cancelled</translation>
    </message>
</context>
<context>
    <name>LanguagePage</name>
    <message>
        <location filename="../../ui/common/first_run.py" line="57"/>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../ui/common/first_run.py" line="59"/>
        <source>Choose the language. You can change it later.</source>
        <translation>Choose the language. You can change it later.</translation>
    </message>
    <message>
        <location filename="../../ui/common/first_run.py" line="61"/>
        <source>Choose the language of Testigo. You can change it later.</source>
        <translation>Choose the language of Testigo. You can change it later.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/reporter/main_window.py" line="143"/>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/main_window.py" line="143"/>
        <source>Testigo</source>
        <translation>Testigo</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/main_window.py" line="150"/>
        <source>Incidents</source>
        <translation>Incidents</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/main_window.py" line="151"/>
        <source>New</source>
        <translation>New</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/main_window.py" line="152"/>
        <source>Outbox</source>
        <translation>Outbox</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/main_window.py" line="153"/>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/main_window.py" line="154"/>
        <source>Lock</source>
        <translation>Lock</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/main_window.py" line="158"/>
        <source>Help</source>
        <translation>Help</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/main_window.py" line="158"/>
        <source>&amp;Diagnostics…</source>
        <translation>&amp;Diagnostics…</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/main_window.py" line="159"/>
        <source>C&amp;heck this computer…</source>
        <translation>C&amp;heck this computer…</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/main_window.py" line="160"/>
        <source>&amp;Prepare this computer…</source>
        <translation>&amp;Prepare this computer…</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/main_window.py" line="219"/>
        <source>Not connected to a coalition yet</source>
        <translation>Not connected to a coalition yet</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/main_window.py" line="220"/>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/main_window.py" line="221"/>
        <source>Relay busy: will retry</source>
        <translation>Relay busy: will retry</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/main_window.py" line="218"/>
        <source>Syncing…</source>
        <translation>Syncing…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/reporter/main_window.py" line="224"/>
        <source>%n waiting to be sent</source>
        <translation>
            <numerusform>%n waiting to be sent</numerusform>
            <numerusform>%n waiting to be sent</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/reporter/main_window.py" line="226"/>
        <source>%n carried by hand, waiting for a receipt</source>
        <translation>
            <numerusform>%n carried by hand, waiting for a receipt</numerusform>
            <numerusform>%n carried by hand, waiting for a receipt</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/reporter/main_window.py" line="227"/>
        <source>Up to date</source>
        <translation>Up to date</translation>
    </message>
</context>
<context>
    <name>MapPage</name>
    <message>
        <location filename="../../ui/coordinator/map_page.py" line="238"/>
        <source>Documented cases, not prevalence; reports without a state are not on the map. State outlines: @svg-maps/mexico by Victor Cazanave, CC BY 4.0.</source>
        <translation>Documented cases, not prevalence; reports without a state are not on the map. State outlines: @svg-maps/mexico by Victor Cazanave, CC BY 4.0.</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/map_page.py" line="242"/>
        <source>Map of Mexico by state</source>
        <translation>Map of Mexico by state</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/map_page.py" line="249"/>
        <source>reports</source>
        <translation>reports</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/map_page.py" line="249"/>
        <source>events</source>
        <translation>events</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/map_page.py" line="253"/>
        <source>{unit} per state</source>
        <translation>{unit} per state</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/map_page.py" line="256"/>
        <source>&lt;b&gt;By state&lt;/b&gt; — {unit}; {none} without a state</source>
        <translation>&lt;b&gt;By state&lt;/b&gt; — {unit}; {none} without a state</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/map_page.py" line="260"/>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/map_page.py" line="243"/>
        <location filename="../../ui/coordinator/map_page.py" line="261"/>
        <source>Counts by state</source>
        <translation>Counts by state</translation>
    </message>
</context>
<context>
    <name>OutboxModel</name>
    <message>
        <location filename="../../ui/reporter/outbox_page.py" line="75"/>
        <source>Created</source>
        <translation>Created</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/outbox_page.py" line="77"/>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/outbox_page.py" line="76"/>
        <source>Incidents</source>
        <translation>Incidents</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/outbox_page.py" line="78"/>
        <source>Progress</source>
        <translation>Progress</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/outbox_page.py" line="79"/>
        <source>Last error</source>
        <translation>Last error</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/outbox_page.py" line="85"/>
        <source>queued</source>
        <translation>queued</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/outbox_page.py" line="86"/>
        <source>uploading</source>
        <translation>uploading</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/outbox_page.py" line="87"/>
        <source>sent</source>
        <translation>sent</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/outbox_page.py" line="88"/>
        <source>received by the coalition</source>
        <translation>received by the coalition</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/outbox_page.py" line="89"/>
        <source>carried by hand: waiting for the receipt</source>
        <translation>carried by hand: waiting for the receipt</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/outbox_page.py" line="90"/>
        <source>failed</source>
        <translation>failed</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/outbox_page.py" line="91"/>
        <source>cancelled</source>
        <translation>cancelled</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/outbox_page.py" line="108"/>
        <source>(deleted)</source>
        <translation>(deleted)</translation>
    </message>
</context>
<context>
    <name>OutboxPage</name>
    <message>
        <location filename="../../ui/reporter/outbox_page.py" line="196"/>
        <source>S&amp;ync now</source>
        <translation>S&amp;ync now</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/outbox_page.py" line="197"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/outbox_page.py" line="198"/>
        <source>Save to a &amp;USB stick…</source>
        <translation>Save to a &amp;USB stick…</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/outbox_page.py" line="199"/>
        <source>Import &amp;receipt files…</source>
        <translation>Import &amp;receipt files…</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/outbox_page.py" line="200"/>
        <source>Outbox</source>
        <translation>Outbox</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/outbox_page.py" line="201"/>
        <source>Sync progress</source>
        <translation>Sync progress</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/outbox_page.py" line="280"/>
        <source>Sent {sent}, confirmed by the coalition {received}.</source>
        <translation>Sent {sent}, confirmed by the coalition {received}.</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/outbox_page.py" line="297"/>
        <source>Save the bundles to (a USB stick)</source>
        <translation>Save the bundles to (a USB stick)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/reporter/outbox_page.py" line="330"/>
        <source>%n bundle(s) saved. Give them to the coordinator; each shows “received” once the coalition&apos;s receipt comes back.</source>
        <translation>
            <numerusform>%n bundle saved. Give it to the coordinator; it shows “received” once the coalition&apos;s receipt comes back.</numerusform>
            <numerusform>%n bundles saved. Give them to the coordinator; each shows “received” once the coalition&apos;s receipt comes back.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/reporter/outbox_page.py" line="337"/>
        <source>Nothing to save: every bundle was saved or sent.</source>
        <translation>Nothing to save: every bundle was saved or sent.</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/outbox_page.py" line="345"/>
        <source>Receipt files</source>
        <translation>Receipt files</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/outbox_page.py" line="373"/>
        <source>Receipts: %1 received by the coalition, %2 already marked.</source>
        <translation>Receipts: %1 received by the coalition, %2 already marked.</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/outbox_page.py" line="379"/>
        <source>No receipt files there.</source>
        <translation>No receipt files there.</translation>
    </message>
</context>
<context>
    <name>PassphrasePage</name>
    <message>
        <location filename="../../ui/common/first_run.py" line="145"/>
        <source>Your passphrase</source>
        <translation>Your passphrase</translation>
    </message>
    <message>
        <location filename="../../ui/common/first_run.py" line="148"/>
        <source>Several words only you know. Without it nobody, not even you, can open what you record: write it down somewhere safe.</source>
        <translation>Several words only you know. Without it nobody, not even you, can open what you record: write it down somewhere safe.</translation>
    </message>
    <message>
        <location filename="../../ui/common/first_run.py" line="152"/>
        <source>&amp;Passphrase</source>
        <translation>&amp;Passphrase</translation>
    </message>
    <message>
        <location filename="../../ui/common/first_run.py" line="153"/>
        <source>&amp;Repeat it</source>
        <translation>&amp;Repeat it</translation>
    </message>
    <message>
        <location filename="../../ui/common/first_run.py" line="154"/>
        <source>Passphrase</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <location filename="../../ui/common/first_run.py" line="155"/>
        <source>Repeat the passphrase</source>
        <translation>Repeat the passphrase</translation>
    </message>
    <message>
        <location filename="../../ui/common/first_run.py" line="156"/>
        <source>Passphrase strength</source>
        <translation>Passphrase strength</translation>
    </message>
    <message>
        <location filename="../../ui/common/first_run.py" line="157"/>
        <source>&amp;Folder name</source>
        <translation>&amp;Folder name</translation>
    </message>
    <message>
        <location filename="../../ui/common/first_run.py" line="158"/>
        <source>Folder name</source>
        <translation>Folder name</translation>
    </message>
    <message>
        <location filename="../../ui/common/first_run.py" line="161"/>
        <source>Your notes are kept in a folder of this name among your programs&apos; data. Choose a plain name that says nothing about them.</source>
        <translation>Your notes are kept in a folder of this name among your programs&apos; data. Choose a plain name that says nothing about them.</translation>
    </message>
    <message>
        <location filename="../../ui/common/first_run.py" line="173"/>
        <source>The two passphrases differ.</source>
        <translation>The two passphrases differ.</translation>
    </message>
</context>
<context>
    <name>ProfileNotice</name>
    <message>
        <location filename="../../ui/reporter/profile_notice.py" line="60"/>
        <source>&amp;Got it</source>
        <translation>&amp;Got it</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/profile_notice.py" line="61"/>
        <source>Dismiss the coalition&apos;s notice</source>
        <translation>Dismiss the coalition&apos;s notice</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/profile_notice.py" line="76"/>
        <source>Your coalition&apos;s profile was updated, signed by the coalition key you already trust. New bundles are sealed to the new key; nothing to do.</source>
        <translation>Your coalition&apos;s profile was updated, signed by the coalition key you already trust. New bundles are sealed to the new key; nothing to do.</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/profile_notice.py" line="83"/>
        <source>Nothing changed on this computer. If it happens again, ask your trainer to check the coalition&apos;s profile.</source>
        <translation>Nothing changed on this computer. If it happens again, ask your trainer to check the coalition&apos;s profile.</translation>
    </message>
</context>
<context>
    <name>ProfilePage</name>
    <message>
        <location filename="../../ui/common/first_run.py" line="215"/>
        <source>Coalition profile (optional)</source>
        <translation>Coalition profile (optional)</translation>
    </message>
    <message>
        <location filename="../../ui/common/first_run.py" line="218"/>
        <source>If your trainer gave you a profile file, load it and compare the fingerprint with the one the coordinator reads to you.</source>
        <translation>If your trainer gave you a profile file, load it and compare the fingerprint with the one the coordinator reads to you.</translation>
    </message>
    <message>
        <location filename="../../ui/common/first_run.py" line="222"/>
        <source>Load a profile file…</source>
        <translation>Load a profile file…</translation>
    </message>
    <message>
        <location filename="../../ui/common/first_run.py" line="223"/>
        <source>I coordinate a coalition: load its keys instead</source>
        <translation>I coordinate a coalition: load its keys instead</translation>
    </message>
    <message>
        <location filename="../../ui/common/first_run.py" line="228"/>
        <location filename="../../ui/common/first_run.py" line="229"/>
        <source>Coalition profile</source>
        <translation>Coalition profile</translation>
    </message>
    <message>
        <location filename="../../ui/common/first_run.py" line="245"/>
        <source>The file cannot be read.</source>
        <translation>The file cannot be read.</translation>
    </message>
    <message>
        <location filename="../../ui/common/first_run.py" line="250"/>
        <source>Coalition: {name}
Fingerprint: {fp}</source>
        <translation>Coalition: {name}
Fingerprint: {fp}</translation>
    </message>
</context>
<context>
    <name>ProvisionPage</name>
    <message>
        <location filename="../../ui/common/provision_page.py" line="99"/>
        <source>Load the coalition&apos;s profile, choose the language and discreet mode, and enroll with the relay if you have a token. Then compare the fingerprint with the coordinators.</source>
        <translation>Load the coalition&apos;s profile, choose the language and discreet mode, and enroll with the relay if you have a token. Then compare the fingerprint with the coordinators.</translation>
    </message>
    <message>
        <location filename="../../ui/common/provision_page.py" line="105"/>
        <source>Coalition &amp;profile</source>
        <translation>Coalition &amp;profile</translation>
    </message>
    <message>
        <location filename="../../ui/common/provision_page.py" line="106"/>
        <source>&amp;Language</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <location filename="../../ui/common/provision_page.py" line="107"/>
        <source>&amp;Discreet mode (neutral name and icon)</source>
        <translation>&amp;Discreet mode (neutral name and icon)</translation>
    </message>
    <message>
        <location filename="../../ui/common/provision_page.py" line="108"/>
        <source>Enrollment &amp;token (optional)</source>
        <translation>Enrollment &amp;token (optional)</translation>
    </message>
    <message>
        <location filename="../../ui/common/provision_page.py" line="113"/>
        <source>&amp;Choose…</source>
        <translation>&amp;Choose…</translation>
    </message>
    <message>
        <location filename="../../ui/common/provision_page.py" line="114"/>
        <source>&amp;Prepare this computer</source>
        <translation>&amp;Prepare this computer</translation>
    </message>
    <message>
        <location filename="../../ui/common/provision_page.py" line="121"/>
        <source>Coalition profile</source>
        <translation>Coalition profile</translation>
    </message>
    <message>
        <location filename="../../ui/common/provision_page.py" line="122"/>
        <source>Coalition profiles (*.testigo-profile)</source>
        <translation>Coalition profiles (*.testigo-profile)</translation>
    </message>
    <message>
        <location filename="../../ui/common/provision_page.py" line="122"/>
        <source>All files (*)</source>
        <translation>All files (*)</translation>
    </message>
    <message>
        <location filename="../../ui/common/provision_page.py" line="137"/>
        <source>Preparing…</source>
        <translation>Preparing…</translation>
    </message>
    <message>
        <location filename="../../ui/common/provision_page.py" line="174"/>
        <source>Profile of &apos;%1&apos; imported.</source>
        <translation>Profile of &apos;%1&apos; imported.</translation>
    </message>
    <message>
        <location filename="../../ui/common/provision_page.py" line="175"/>
        <source>Fingerprint to compare: %1</source>
        <translation>Fingerprint to compare: %1</translation>
    </message>
    <message>
        <location filename="../../ui/common/provision_page.py" line="178"/>
        <source>Enrolled with the relay.</source>
        <translation>Enrolled with the relay.</translation>
    </message>
    <message>
        <location filename="../../ui/common/provision_page.py" line="179"/>
        <source>Check next:</source>
        <translation>Check next:</translation>
    </message>
</context>
<context>
    <name>PullBar</name>
    <message>
        <location filename="../../ui/coordinator/pull_task.py" line="69"/>
        <source>&amp;Pull now</source>
        <translation>&amp;Pull now</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/pull_task.py" line="70"/>
        <source>Receive new reports from the relay (F5)</source>
        <translation>Receive new reports from the relay (F5)</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/pull_task.py" line="71"/>
        <source>Import &amp;files…</source>
        <translation>Import &amp;files…</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/pull_task.py" line="72"/>
        <source>Import a f&amp;older…</source>
        <translation>Import a f&amp;older…</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/pull_task.py" line="73"/>
        <source>&amp;Cancel</source>
        <translation>&amp;Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/pull_task.py" line="74"/>
        <source>Progress</source>
        <translation>Progress</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/pull_task.py" line="89"/>
        <source>Receiving…</source>
        <translation>Receiving…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/coordinator/pull_task.py" line="116"/>
        <source>%n bundle(s) handled so far…</source>
        <translation>
            <numerusform>%n bundle handled so far…</numerusform>
            <numerusform>%n bundles handled so far…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/coordinator/pull_task.py" line="122"/>
        <location filename="../../ui/coordinator/pull_task.py" line="195"/>
        <source>%n new report(s)</source>
        <translation>
            <numerusform>%n new report</numerusform>
            <numerusform>%n new reports</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/coordinator/pull_task.py" line="123"/>
        <location filename="../../ui/coordinator/pull_task.py" line="196"/>
        <source>%n already here</source>
        <translation>
            <numerusform>%n already here</numerusform>
            <numerusform>%n already here</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/coordinator/pull_task.py" line="124"/>
        <location filename="../../ui/coordinator/pull_task.py" line="197"/>
        <source>%n refused</source>
        <translation>
            <numerusform>%n refused</numerusform>
            <numerusform>%n refused</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/coordinator/pull_task.py" line="125"/>
        <source>%n set aside to retry</source>
        <translation>
            <numerusform>%n set aside to retry</numerusform>
            <numerusform>%n set aside to retry</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/pull_task.py" line="130"/>
        <location filename="../../ui/coordinator/pull_task.py" line="203"/>
        <source>Cancelled after: {what}</source>
        <translation>Cancelled after: {what}</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/pull_task.py" line="134"/>
        <source>The relay asked to wait: pull again later.</source>
        <translation>The relay asked to wait: pull again later.</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/pull_task.py" line="150"/>
        <source>Cancelling…</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/pull_task.py" line="154"/>
        <source>Bundle file</source>
        <translation>Bundle file</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/pull_task.py" line="154"/>
        <source>Bundles (*.age *.testigo);;All files (*)</source>
        <translation>Bundles (*.age *.testigo);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/pull_task.py" line="160"/>
        <source>Folder of bundles</source>
        <translation>Folder of bundles</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/pull_task.py" line="180"/>
        <source>Importing…</source>
        <translation>Importing…</translation>
    </message>
</context>
<context>
    <name>QuestionsPanel</name>
    <message>
        <location filename="../../ui/coordinator/questions_panel.py" line="198"/>
        <location filename="../../ui/coordinator/questions_panel.py" line="200"/>
        <source>Questions to the reporter</source>
        <translation>Questions to the reporter</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/questions_panel.py" line="199"/>
        <source>As&amp;k the reporter…</source>
        <translation>As&amp;k the reporter…</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/questions_panel.py" line="239"/>
        <source>Answer: %1</source>
        <translation>Answer: %1</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/questions_panel.py" line="242"/>
        <source>Shared: %1</source>
        <translation>Shared: %1</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/questions_panel.py" line="260"/>
        <source>Sending…</source>
        <translation>Sending…</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/questions_panel.py" line="269"/>
        <source>Sent. The reporter sees it at their next sync.</source>
        <translation>Sent. The reporter sees it at their next sync.</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/questions.py" line="124"/>
        <source>Questions from the coalition about this incident, signed with its key. They are shown only here. Your answer leaves with this incident&apos;s next share.</source>
        <translation>Questions from the coalition about this incident, signed with its key. They are shown only here. Your answer leaves with this incident&apos;s next share.</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/questions.py" line="128"/>
        <source>Your answer</source>
        <translation>Your answer</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/questions.py" line="129"/>
        <source>Your answer (at most 2000 characters)</source>
        <translation>Your answer (at most 2000 characters)</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/questions.py" line="130"/>
        <source>Questions from the coalition</source>
        <translation>Questions from the coalition</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/questions.py" line="133"/>
        <source>Share %1</source>
        <translation>Share %1</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/questions.py" line="134"/>
        <source>Save the &amp;answer</source>
        <translation>Save the &amp;answer</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/questions.py" line="135"/>
        <source>Receive questions from the coalition (all incidents)</source>
        <translation>Receive questions from the coalition (all incidents)</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/questions.py" line="188"/>
        <source>No questions about this incident.</source>
        <translation>No questions about this incident.</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/questions.py" line="192"/>
        <source>The coalition asks:</source>
        <translation>The coalition asks:</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/questions.py" line="197"/>
        <source>It asks you to share: %1</source>
        <translation>It asks you to share: %1</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/questions.py" line="201"/>
        <source>Share only what you are comfortable sharing. Checking a box gives that consent for this incident; to send a file, choose it when you share.</source>
        <translation>Share only what you are comfortable sharing. Checking a box gives that consent for this incident; to send a file, choose it when you share.</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/questions.py" line="207"/>
        <source>Your answer: %1</source>
        <translation>Your answer: %1</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/questions.py" line="242"/>
        <source>Answer saved. It leaves when you share this incident again (Share…).</source>
        <translation>Answer saved. It leaves when you share this incident again (Share…).</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/questions.py" line="255"/>
        <source>Questions are on.</source>
        <translation>Questions are on.</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/questions.py" line="257"/>
        <source>Questions are off: they are deleted unread at each sync.</source>
        <translation>Questions are off: they are deleted unread at each sync.</translation>
    </message>
</context>
<context>
    <name>RejectedPage</name>
    <message>
        <location filename="../../ui/coordinator/devices_page.py" line="64"/>
        <source>Bundles that were refused, and why. Nothing of them was imported; the relay will not send them again.</source>
        <translation>Bundles that were refused, and why. Nothing of them was imported; the relay will not send them again.</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/devices_page.py" line="69"/>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/devices_page.py" line="69"/>
        <source>Bundle</source>
        <translation>Bundle</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/devices_page.py" line="69"/>
        <source>Device</source>
        <translation>Device</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/devices_page.py" line="69"/>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/devices_page.py" line="71"/>
        <source>Refused bundles</source>
        <translation>Refused bundles</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/devices_page.py" line="83"/>
        <source>unknown device</source>
        <translation>unknown device</translation>
    </message>
</context>
<context>
    <name>ReportView</name>
    <message>
        <location filename="../../ui/coordinator/report_view.py" line="202"/>
        <source>(no reason)</source>
        <translation>(no reason)</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/report_view.py" line="207"/>
        <location filename="../../ui/coordinator/report_view.py" line="294"/>
        <source>same event</source>
        <translation>same event</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/report_view.py" line="208"/>
        <location filename="../../ui/coordinator/report_view.py" line="295"/>
        <source>same campaign</source>
        <translation>same campaign</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/report_view.py" line="209"/>
        <location filename="../../ui/coordinator/report_view.py" line="296"/>
        <source>same target</source>
        <translation>same target</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/report_view.py" line="215"/>
        <source>&amp;Review</source>
        <translation>&amp;Review</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/report_view.py" line="216"/>
        <source>&amp;Assignee</source>
        <translation>&amp;Assignee</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/report_view.py" line="217"/>
        <source>V&amp;erification</source>
        <translation>V&amp;erification</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/report_view.py" line="218"/>
        <source>C&amp;ounting</source>
        <translation>C&amp;ounting</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/report_view.py" line="219"/>
        <source>Exclusion rea&amp;son</source>
        <translation>Exclusion rea&amp;son</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/report_view.py" line="220"/>
        <source>&amp;Note</source>
        <translation>&amp;Note</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/report_view.py" line="221"/>
        <source>&amp;Tags (comma-separated)</source>
        <translation>&amp;Tags (comma-separated)</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/report_view.py" line="225"/>
        <source>Appl&amp;y</source>
        <translation>Appl&amp;y</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/report_view.py" line="226"/>
        <source>Apply the triage (Ctrl+Return)</source>
        <translation>Apply the triage (Ctrl+Return)</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/report_view.py" line="227"/>
        <source>&amp;Back to the inbox</source>
        <translation>&amp;Back to the inbox</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/report_view.py" line="228"/>
        <source>&amp;Link</source>
        <translation>&amp;Link</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/report_view.py" line="229"/>
        <source>&amp;Unlink</source>
        <translation>&amp;Unlink</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/report_view.py" line="230"/>
        <source>&amp;Open</source>
        <translation>&amp;Open</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/report_view.py" line="231"/>
        <source>Sa&amp;ve as…</source>
        <translation>Sa&amp;ve as…</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/report_view.py" line="232"/>
        <source>Kind of link</source>
        <translation>Kind of link</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/report_view.py" line="236"/>
        <location filename="../../ui/coordinator/report_view.py" line="246"/>
        <source>Links</source>
        <translation>Links</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/report_view.py" line="237"/>
        <location filename="../../ui/coordinator/report_view.py" line="247"/>
        <source>Suggested links</source>
        <translation>Suggested links</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/report_view.py" line="238"/>
        <location filename="../../ui/coordinator/report_view.py" line="248"/>
        <source>History</source>
        <translation>History</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/report_view.py" line="239"/>
        <location filename="../../ui/coordinator/report_view.py" line="249"/>
        <source>Evidence files</source>
        <translation>Evidence files</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/report_view.py" line="245"/>
        <source>Report</source>
        <translation>Report</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/report_view.py" line="299"/>
        <source>shared indicator</source>
        <translation>shared indicator</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/report_view.py" line="300"/>
        <source>same spyware family</source>
        <translation>same spyware family</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/report_view.py" line="301"/>
        <source>same month, state and type</source>
        <translation>same month, state and type</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/report_view.py" line="312"/>
        <source>review</source>
        <translation>review</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/report_view.py" line="313"/>
        <source>assignee</source>
        <translation>assignee</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/report_view.py" line="314"/>
        <source>verification</source>
        <translation>verification</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/report_view.py" line="315"/>
        <source>counting</source>
        <translation>counting</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/report_view.py" line="316"/>
        <source>exclusion reason</source>
        <translation>exclusion reason</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/report_view.py" line="317"/>
        <source>note</source>
        <translation>note</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/report_view.py" line="318"/>
        <source>tag</source>
        <translation>tag</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/report_view.py" line="351"/>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/report_view.py" line="353"/>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/report_view.py" line="359"/>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/report_view.py" line="360"/>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/report_view.py" line="362"/>
        <source>Perpetrators</source>
        <translation>Perpetrators</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/report_view.py" line="370"/>
        <source>Compromise</source>
        <translation>Compromise</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/report_view.py" line="374"/>
        <source>Spyware family</source>
        <translation>Spyware family</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/report_view.py" line="377"/>
        <source>Device</source>
        <translation>Device</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/report_view.py" line="342"/>
        <source>verified</source>
        <translation>verified</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/report_view.py" line="342"/>
        <source>not verified</source>
        <translation>not verified</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/report_view.py" line="378"/>
        <source>Received</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/report_view.py" line="383"/>
        <source>Missing from this device</source>
        <translation>Missing from this device</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/coordinator/report_view.py" line="384"/>
        <source>%n bundle(s) never arrived</source>
        <translation>
            <numerusform>%n bundle never arrived</numerusform>
            <numerusform>%n bundles never arrived</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/report_view.py" line="389"/>
        <source>shared with the other coordinators</source>
        <translation>shared with the other coordinators</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/report_view.py" line="434"/>
        <source>Saved.</source>
        <translation>Saved.</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/report_view.py" line="498"/>
        <source>Save the evidence file as</source>
        <translation>Save the evidence file as</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/report_view.py" line="505"/>
        <source>Saved to {path}</source>
        <translation>Saved to {path}</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <location filename="../../ui/common/restore_dialog.py" line="135"/>
        <source>Restore from a backup</source>
        <translation>Restore from a backup</translation>
    </message>
    <message>
        <location filename="../../ui/common/restore_dialog.py" line="137"/>
        <source>Choose the backup file and how it was protected when it was made.</source>
        <translation>Choose the backup file and how it was protected when it was made.</translation>
    </message>
    <message>
        <location filename="../../ui/common/restore_dialog.py" line="139"/>
        <source>Choose the &amp;backup file…</source>
        <translation>Choose the &amp;backup file…</translation>
    </message>
    <message>
        <location filename="../../ui/common/restore_dialog.py" line="140"/>
        <source>No file chosen yet.</source>
        <translation>No file chosen yet.</translation>
    </message>
    <message>
        <location filename="../../ui/common/restore_dialog.py" line="141"/>
        <source>Protected with a &amp;backup passphrase</source>
        <translation>Protected with a &amp;backup passphrase</translation>
    </message>
    <message>
        <location filename="../../ui/common/restore_dialog.py" line="142"/>
        <location filename="../../ui/common/restore_dialog.py" line="143"/>
        <source>Backup passphrase</source>
        <translation>Backup passphrase</translation>
    </message>
    <message>
        <location filename="../../ui/common/restore_dialog.py" line="144"/>
        <source>Sealed to the &amp;coalition&apos;s key</source>
        <translation>Sealed to the &amp;coalition&apos;s key</translation>
    </message>
    <message>
        <location filename="../../ui/common/restore_dialog.py" line="145"/>
        <source>Choose the &amp;identity file…</source>
        <translation>Choose the &amp;identity file…</translation>
    </message>
    <message>
        <location filename="../../ui/common/restore_dialog.py" line="149"/>
        <source>The restored vault opens with its own passphrase: the one it had when the backup was made, not the backup passphrase.</source>
        <translation>The restored vault opens with its own passphrase: the one it had when the backup was made, not the backup passphrase.</translation>
    </message>
    <message>
        <location filename="../../ui/common/restore_dialog.py" line="155"/>
        <source>&lt;b&gt;This replaces the vault on this computer.&lt;/b&gt; What it holds now and is not in the backup is lost for good.</source>
        <translation>&lt;b&gt;This replaces the vault on this computer.&lt;/b&gt; What it holds now and is not in the backup is lost for good.</translation>
    </message>
    <message>
        <location filename="../../ui/common/restore_dialog.py" line="160"/>
        <source>To replace it, type {word}:</source>
        <translation>To replace it, type {word}:</translation>
    </message>
    <message>
        <location filename="../../ui/common/restore_dialog.py" line="162"/>
        <source>Confirmation</source>
        <translation>Confirmation</translation>
    </message>
    <message>
        <location filename="../../ui/common/restore_dialog.py" line="164"/>
        <source>&amp;Replace with the backup</source>
        <translation>&amp;Replace with the backup</translation>
    </message>
    <message>
        <location filename="../../ui/common/restore_dialog.py" line="164"/>
        <source>&amp;Restore</source>
        <translation>&amp;Restore</translation>
    </message>
    <message>
        <location filename="../../ui/common/restore_dialog.py" line="166"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/common/restore_dialog.py" line="170"/>
        <source>REPLACE</source>
        <translation>REPLACE</translation>
    </message>
    <message>
        <location filename="../../ui/common/restore_dialog.py" line="174"/>
        <source>Backup file</source>
        <translation>Backup file</translation>
    </message>
    <message>
        <location filename="../../ui/common/restore_dialog.py" line="174"/>
        <source>Backups (*.age)</source>
        <translation>Backups (*.age)</translation>
    </message>
    <message>
        <location filename="../../ui/common/restore_dialog.py" line="180"/>
        <source>Identity file</source>
        <translation>Identity file</translation>
    </message>
    <message>
        <location filename="../../ui/common/restore_dialog.py" line="233"/>
        <source>Checking and restoring the backup…</source>
        <translation>Checking and restoring the backup…</translation>
    </message>
    <message>
        <location filename="../../ui/common/restore_dialog.py" line="258"/>
        <source>Restored.</source>
        <translation>Restored.</translation>
    </message>
    <message>
        <location filename="../../ui/common/restore_dialog.py" line="265"/>
        <source>Cancelled: nothing was changed.</source>
        <translation>Cancelled: nothing was changed.</translation>
    </message>
    <message>
        <location filename="../../ui/common/restore_dialog.py" line="270"/>
        <source>Nothing was changed.</source>
        <translation>Nothing was changed.</translation>
    </message>
    <message>
        <location filename="../../ui/common/restore_dialog.py" line="277"/>
        <source>Cancelling…</source>
        <translation>Cancelling…</translation>
    </message>
</context>
<context>
    <name>SessionWindow</name>
    <message>
        <location filename="../../ui/common/session_window.py" line="100"/>
        <source>Locking…</source>
        <translation>Locking…</translation>
    </message>
    <message>
        <location filename="../../ui/common/session_window.py" line="121"/>
        <source>DELETE</source>
        <translation>DELETE</translation>
    </message>
    <message>
        <location filename="../../ui/common/session_window.py" line="126"/>
        <source>This destroys everything in Testigo on this computer. Type {word} to confirm.</source>
        <translation>This destroys everything in Testigo on this computer. Type {word} to confirm.</translation>
    </message>
    <message>
        <location filename="../../ui/common/session_window.py" line="144"/>
        <source>Deleting everything…</source>
        <translation>Deleting everything…</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../ui/common/settings_page.py" line="167"/>
        <source>Protection</source>
        <translation>Protection</translation>
    </message>
    <message>
        <location filename="../../ui/common/settings_page.py" line="168"/>
        <source>Wipe after wrong &amp;passphrases</source>
        <translation>Wipe after wrong &amp;passphrases</translation>
    </message>
    <message>
        <location filename="../../ui/common/settings_page.py" line="169"/>
        <source>Wipe after wrong passphrases</source>
        <translation>Wipe after wrong passphrases</translation>
    </message>
    <message>
        <location filename="../../ui/common/settings_page.py" line="170"/>
        <source>Never</source>
        <translation>Never</translation>
    </message>
    <message>
        <location filename="../../ui/common/settings_page.py" line="173"/>
        <source>Set a &amp;duress passphrase…</source>
        <translation>Set a &amp;duress passphrase…</translation>
    </message>
    <message>
        <location filename="../../ui/common/settings_page.py" line="174"/>
        <source>&amp;Back up now…</source>
        <translation>&amp;Back up now…</translation>
    </message>
    <message>
        <location filename="../../ui/common/settings_page.py" line="226"/>
        <source>Last backup: %1</source>
        <translation>Last backup: %1</translation>
    </message>
    <message>
        <location filename="../../ui/common/settings_page.py" line="228"/>
        <source>No backup yet.</source>
        <translation>No backup yet.</translation>
    </message>
    <message>
        <location filename="../../ui/common/settings_page.py" line="231"/>
        <source>It is time to make a backup: a lost or seized laptop would take everything recorded since.</source>
        <translation>It is time to make a backup: a lost or seized laptop would take everything recorded since.</translation>
    </message>
    <message>
        <location filename="../../ui/common/settings_page.py" line="238"/>
        <source>Passphrase</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <location filename="../../ui/common/settings_page.py" line="244"/>
        <source>Your passphrase, to change this setting:</source>
        <translation>Your passphrase, to change this setting:</translation>
    </message>
    <message>
        <location filename="../../ui/common/settings_page.py" line="251"/>
        <source>Your passphrase:</source>
        <translation>Your passphrase:</translation>
    </message>
    <message>
        <location filename="../../ui/common/settings_page.py" line="254"/>
        <source>The duress passphrase (it opens a new, empty decoy vault; fill it with ordinary notes):</source>
        <translation>The duress passphrase (it opens a new, empty decoy vault; fill it with ordinary notes):</translation>
    </message>
    <message>
        <location filename="../../ui/common/settings_page.py" line="260"/>
        <source>The duress passphrase again:</source>
        <translation>The duress passphrase again:</translation>
    </message>
    <message>
        <location filename="../../ui/common/settings_page.py" line="261"/>
        <location filename="../../ui/common/settings_page.py" line="286"/>
        <source>The two passphrases differ.</source>
        <translation>The two passphrases differ.</translation>
    </message>
    <message>
        <location filename="../../ui/common/settings_page.py" line="266"/>
        <source>Duress passphrase</source>
        <translation>Duress passphrase</translation>
    </message>
    <message>
        <location filename="../../ui/common/settings_page.py" line="268"/>
        <source>When the duress passphrase is used, also destroy this vault&apos;s real key without a trace?</source>
        <translation>When the duress passphrase is used, also destroy this vault&apos;s real key without a trace?</translation>
    </message>
    <message>
        <location filename="../../ui/common/settings_page.py" line="278"/>
        <source>Back up to</source>
        <translation>Back up to</translation>
    </message>
    <message>
        <location filename="../../ui/common/settings_page.py" line="278"/>
        <source>Backups (*.age)</source>
        <translation>Backups (*.age)</translation>
    </message>
    <message>
        <location filename="../../ui/common/settings_page.py" line="282"/>
        <source>A passphrase for the backup (keep it apart from it):</source>
        <translation>A passphrase for the backup (keep it apart from it):</translation>
    </message>
    <message>
        <location filename="../../ui/common/settings_page.py" line="285"/>
        <source>The backup passphrase again:</source>
        <translation>The backup passphrase again:</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/common/settings_page.py" line="172"/>
        <source>After %n wrong passphrases</source>
        <translation>
            <numerusform>After %n wrong passphrase</numerusform>
            <numerusform>After %n wrong passphrases</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/common/settings_page.py" line="134"/>
        <source>General</source>
        <translation>General</translation>
    </message>
    <message>
        <location filename="../../ui/common/settings_page.py" line="140"/>
        <source>&amp;Language</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <location filename="../../ui/common/settings_page.py" line="141"/>
        <source>&amp;Lock after (minutes idle)</source>
        <translation>&amp;Lock after (minutes idle)</translation>
    </message>
    <message>
        <location filename="../../ui/common/settings_page.py" line="142"/>
        <source>&amp;Discreet mode (neutral window title and icon)</source>
        <translation>&amp;Discreet mode (neutral window title and icon)</translation>
    </message>
    <message>
        <location filename="../../ui/common/settings_page.py" line="143"/>
        <source>&amp;Connection</source>
        <translation>&amp;Connection</translation>
    </message>
    <message>
        <location filename="../../ui/common/settings_page.py" line="144"/>
        <source>SOCKS &amp;proxy</source>
        <translation>SOCKS &amp;proxy</translation>
    </message>
    <message>
        <location filename="../../ui/common/settings_page.py" line="151"/>
        <source>Direct (HTTPS)</source>
        <translation>Direct (HTTPS)</translation>
    </message>
    <message>
        <location filename="../../ui/common/settings_page.py" line="152"/>
        <source>Tor (%1)</source>
        <translation>Tor (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/common/settings_page.py" line="153"/>
        <source>SOCKS proxy</source>
        <translation>SOCKS proxy</translation>
    </message>
    <message>
        <location filename="../../ui/common/settings_page.py" line="157"/>
        <source>&amp;Send and receive by itself when a connection is there</source>
        <translation>&amp;Send and receive by itself when a connection is there</translation>
    </message>
    <message>
        <location filename="../../ui/common/settings_page.py" line="159"/>
        <source>Emergency</source>
        <translation>Emergency</translation>
    </message>
    <message>
        <location filename="../../ui/common/settings_page.py" line="162"/>
        <source>Destroys the keys of this vault at once. Nothing recorded here can be opened again, by anyone.</source>
        <translation>Destroys the keys of this vault at once. Nothing recorded here can be opened again, by anyone.</translation>
    </message>
    <message>
        <location filename="../../ui/common/settings_page.py" line="166"/>
        <source>Emergency &amp;wipe…</source>
        <translation>Emergency &amp;wipe…</translation>
    </message>
</context>
<context>
    <name>SharePage</name>
    <message>
        <location filename="../../ui/reporter/share_page.py" line="230"/>
        <source>Names, contacts, private notes, the exact place and coordinates never leave. Free text, the exact date and the municipality leave only if you allowed it in the Consent tab.</source>
        <translation>Names, contacts, private notes, the exact place and coordinates never leave. Free text, the exact date and the municipality leave only if you allowed it in the Consent tab.</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/share_page.py" line="235"/>
        <source>Send to the &amp;outbox</source>
        <translation>Send to the &amp;outbox</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/share_page.py" line="238"/>
        <source>&amp;Files to send with it (none unless you tick them; names never leave, and each file leaves without its metadata: the table says what is removed):</source>
        <translation>&amp;Files to send with it (none unless you tick them; names never leave, and each file leaves without its metadata: the table says what is removed):</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/share_page.py" line="242"/>
        <source>Files to send</source>
        <translation>Files to send</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/share_page.py" line="243"/>
        <source>Show the &amp;exact record that leaves</source>
        <translation>Show the &amp;exact record that leaves</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/share_page.py" line="244"/>
        <source>S&amp;how:</source>
        <translation>S&amp;how:</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/share_page.py" line="249"/>
        <source>every field</source>
        <translation>every field</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/share_page.py" line="249"/>
        <source>only what leaves</source>
        <translation>only what leaves</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/share_page.py" line="249"/>
        <source>only what stays here</source>
        <translation>only what stays here</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/share_page.py" line="253"/>
        <source>Recorded and shared, field by field</source>
        <translation>Recorded and shared, field by field</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/share_page.py" line="254"/>
        <source>The exact record that leaves</source>
        <translation>The exact record that leaves</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/share_page.py" line="383"/>
        <source>Share a draft?</source>
        <translation>Share a draft?</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/share_page.py" line="386"/>
        <source>This incident is still a draft. Once it is sealed and sent it cannot be called back. Share it as it is now?</source>
        <translation>This incident is still a draft. Once it is sealed and sent it cannot be called back. Share it as it is now?</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/share_page.py" line="390"/>
        <source>&amp;Share it</source>
        <translation>&amp;Share it</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/share_page.py" line="391"/>
        <source>&amp;Not now</source>
        <translation>&amp;Not now</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/share_page.py" line="406"/>
        <source>Not shared: the draft stays here.</source>
        <translation>Not shared: the draft stays here.</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/share_page.py" line="430"/>
        <source>Sealed and waiting in the outbox.</source>
        <translation>Sealed and waiting in the outbox.</translation>
    </message>
</context>
<context>
    <name>SpywarePage</name>
    <message>
        <location filename="../../ui/coordinator/spyware_page.py" line="56"/>
        <source>Documented cases, not prevalence. An attempt or an infection counts only when confirmed (a forensic check such as MVT or a lab); suspected ones are shown apart and never as confirmed. The suspected operator is what the report says, with its level of attribution.</source>
        <translation>Documented cases, not prevalence. An attempt or an infection counts only when confirmed (a forensic check such as MVT or a lab); suspected ones are shown apart and never as confirmed. The suspected operator is what the report says, with its level of attribution.</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/spyware_page.py" line="80"/>
        <source>reports</source>
        <translation>reports</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/spyware_page.py" line="80"/>
        <source>events</source>
        <translation>events</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/spyware_page.py" line="69"/>
        <source>By compromise status</source>
        <translation>By compromise status</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/spyware_page.py" line="70"/>
        <source>By detection source</source>
        <translation>By detection source</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/spyware_page.py" line="71"/>
        <source>By vector</source>
        <translation>By vector</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/spyware_page.py" line="72"/>
        <source>By spyware family</source>
        <translation>By spyware family</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/spyware_page.py" line="73"/>
        <source>By suspected operator</source>
        <translation>By suspected operator</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/spyware_page.py" line="74"/>
        <source>By attribution level</source>
        <translation>By attribution level</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/spyware_page.py" line="83"/>
        <source>Targets: &lt;b&gt;{targets}&lt;/b&gt; → confirmed attempts: &lt;b&gt;{attempts}&lt;/b&gt; → confirmed infections: &lt;b&gt;{infections}&lt;/b&gt; ({unit}). Suspected, not confirmed: {suspected}.</source>
        <translation>Targets: &lt;b&gt;{targets}&lt;/b&gt; → confirmed attempts: &lt;b&gt;{attempts}&lt;/b&gt; → confirmed infections: &lt;b&gt;{infections}&lt;/b&gt; ({unit}). Suspected, not confirmed: {suspected}.</translation>
    </message>
</context>
<context>
    <name>UnlockWindow</name>
    <message>
        <location filename="../../ui/common/unlock.py" line="66"/>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../ui/common/unlock.py" line="67"/>
        <source>Enter your passphrase.</source>
        <translation>Enter your passphrase.</translation>
    </message>
    <message>
        <location filename="../../ui/common/unlock.py" line="69"/>
        <source>Testigo: locked</source>
        <translation>Testigo: locked</translation>
    </message>
    <message>
        <location filename="../../ui/common/unlock.py" line="70"/>
        <source>Enter your passphrase to open Testigo.</source>
        <translation>Enter your passphrase to open Testigo.</translation>
    </message>
    <message>
        <location filename="../../ui/common/unlock.py" line="71"/>
        <source>&amp;Unlock</source>
        <translation>&amp;Unlock</translation>
    </message>
    <message>
        <location filename="../../ui/common/unlock.py" line="72"/>
        <source>Passphrase</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <location filename="../../ui/common/unlock.py" line="73"/>
        <source>Restore from a backup…</source>
        <translation>Restore from a backup…</translation>
    </message>
    <message>
        <location filename="../../ui/common/unlock.py" line="101"/>
        <source>Restored. Open it with the passphrase it had when the backup was made (not the backup passphrase).</source>
        <translation>Restored. Open it with the passphrase it had when the backup was made (not the backup passphrase).</translation>
    </message>
    <message>
        <location filename="../../ui/common/unlock.py" line="140"/>
        <source>Wrong passphrase.</source>
        <translation>Wrong passphrase.</translation>
    </message>
    <message>
        <location filename="../../ui/common/unlock.py" line="142"/>
        <source>Wait {s} s before trying again.</source>
        <translation>Wait {s} s before trying again.</translation>
    </message>
</context>
<context>
    <name>Words</name>
    <message>
        <location filename="../../ui/coordinator/inbox_page.py" line="406"/>
        <source>new</source>
        <translation>new</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/inbox_page.py" line="407"/>
        <source>in review</source>
        <translation>in review</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/inbox_page.py" line="408"/>
        <source>needs info</source>
        <translation>needs info</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/inbox_page.py" line="409"/>
        <source>done</source>
        <translation>done</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/inbox_page.py" line="410"/>
        <source>unverified</source>
        <translation>unverified</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/inbox_page.py" line="411"/>
        <source>corroborated</source>
        <translation>corroborated</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/inbox_page.py" line="412"/>
        <source>forensically confirmed</source>
        <translation>forensically confirmed</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/inbox_page.py" line="413"/>
        <source>pending</source>
        <translation>pending</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/inbox_page.py" line="414"/>
        <source>counted</source>
        <translation>counted</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/inbox_page.py" line="415"/>
        <source>excluded</source>
        <translation>excluded</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/inbox_page.py" line="416"/>
        <source>duplicate</source>
        <translation>duplicate</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/inbox_page.py" line="417"/>
        <source>out of scope</source>
        <translation>out of scope</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/inbox_page.py" line="418"/>
        <source>not credible</source>
        <translation>not credible</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/inbox_page.py" line="419"/>
        <source>withdrawn</source>
        <translation>withdrawn</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/inbox_page.py" line="420"/>
        <source>other</source>
        <translation>other</translation>
    </message>
</context>
</TS>
