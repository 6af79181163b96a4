<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_MX">
<context>
    <name>AboutPage</name>
    <message>
        <location filename="../../ui/common/first_run.py" line="73"/>
        <source>What this app protects</source>
        <translation>Qué protege esta aplicación</translation>
    </message>
    <message>
        <location filename="../../ui/common/first_run.py" line="75"/>
        <source>What Testigo protects</source>
        <translation>Qué protege Testigo</translation>
    </message>
    <message>
        <location filename="../../ui/common/first_run.py" line="78"/>
        <source>&lt;p&gt;&lt;b&gt;It protects&lt;/b&gt; what you record: everything is encrypted on this computer with your passphrase. If the laptop is taken while the app is closed or locked, nothing can be read: no text, no file, no name.&lt;/p&gt;&lt;p&gt;What you share leaves only as an anonymized, encrypted bundle that only the coalition&apos;s coordinators can open. Names, contacts and private notes never leave.&lt;/p&gt;&lt;p&gt;&lt;b&gt;It does not protect&lt;/b&gt; against spyware already on this computer (it can see your screen and keyboard), nor against someone who watches you type the passphrase. If you suspect the computer is infected, ask your trainer first.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Protege&lt;/b&gt; lo que usted registra: todo se cifra en esta computadora con su frase de paso. Si se llevan la laptop mientras la aplicación está cerrada o bloqueada, no se puede leer nada: ni textos, ni archivos, ni nombres.&lt;/p&gt;&lt;p&gt;Lo que usted comparte sale solo como un paquete anonimizado y cifrado que únicamente las coordinadoras de la coalición pueden abrir. Los nombres, contactos y notas privadas nunca salen.&lt;/p&gt;&lt;p&gt;&lt;b&gt;No protege&lt;/b&gt; contra un programa espía que ya esté en esta computadora (puede ver su pantalla y su teclado), ni contra alguien que la observe mientras escribe la frase de paso. Si sospecha que la computadora está infectada, consulte primero a su capacitadora.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>AskDialog</name>
    <message>
        <location filename="../../ui/coordinator/questions_panel.py" line="76"/>
        <source>Ask the reporter</source>
        <translation>Preguntar a quien reportó</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/questions_panel.py" line="79"/>
        <source>The reporter sees the question inside this incident, from the coalition (never your name). It travels encrypted to their device only.</source>
        <translation>Quien reportó ve la pregunta dentro de este incidente, de parte de la coalición (nunca con su nombre). Viaja cifrada solo a su dispositivo.</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/questions_panel.py" line="86"/>
        <source>Question</source>
        <translation>Pregunta</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/questions_panel.py" line="87"/>
        <source>My own question…</source>
        <translation>Mi propia pregunta…</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/questions_panel.py" line="96"/>
        <source>Your question</source>
        <translation>Su pregunta</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/questions_panel.py" line="97"/>
        <source>Your question (at most 1000 characters)</source>
        <translation>Su pregunta (como máximo 1000 caracteres)</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/questions_panel.py" line="100"/>
        <source>Ask them to share more:</source>
        <translation>Pedir que comparta más:</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/questions_panel.py" line="113"/>
        <source>&amp;Send</source>
        <translation>&amp;Enviar</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/questions_panel.py" line="114"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
</context>
<context>
    <name>AskedModel</name>
    <message>
        <location filename="../../ui/coordinator/questions_panel.py" line="50"/>
        <source>answered in revision %1</source>
        <translation>respondida en la revisión %1</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/questions_panel.py" line="51"/>
        <source>sent</source>
        <translation>enviada</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/questions_panel.py" line="51"/>
        <source>not confirmed by the relay</source>
        <translation>sin confirmar por el servidor de relevo</translation>
    </message>
</context>
<context>
    <name>AttachmentPanel</name>
    <message>
        <location filename="../../ui/reporter/incidents/attachments.py" line="101"/>
        <source>Delete the original once it is safely in the vault (this file on&amp;ly)</source>
        <translation>Borrar el original cuando ya esté a salvo en la bóveda (solo este archiv&amp;o)</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/attachments.py" line="105"/>
        <source>The file is overwritten and removed only after its copy in the vault is checked. An SSD, a memory card, a snapshot or a backup may still keep copies of it.</source>
        <translation>El archivo se sobrescribe y se borra solo después de comprobar su copia en la bóveda. Un disco SSD, una tarjeta de memoria, una instantánea o una copia de seguridad pueden conservar copias de él.</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/attachments.py" line="89"/>
        <source>Files are encrypted into the vault; their names stay private. Drop files here or use Add.</source>
        <translation>Los archivos se cifran dentro de la bóveda; sus nombres quedan privados. Arrástrelos aquí o use Añadir.</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/attachments.py" line="93"/>
        <source>&amp;Add file…</source>
        <translation>&amp;Añadir archivo…</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/attachments.py" line="94"/>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/attachments.py" line="95"/>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/attachments.py" line="96"/>
        <source>E&amp;xtract…</source>
        <translation>E&amp;xtraer…</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/attachments.py" line="97"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/attachments.py" line="98"/>
        <source>Attachments</source>
        <translation>Archivos adjuntos</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/attachments.py" line="99"/>
        <source>Adding file</source>
        <translation>Añadiendo archivo</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/attachments.py" line="137"/>
        <source>Add a file</source>
        <translation>Añadir un archivo</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/attachments.py" line="253"/>
        <source>Extract to</source>
        <translation>Extraer en</translation>
    </message>
</context>
<context>
    <name>AutoSync</name>
    <message>
        <location filename="../../ui/common/auto_sync.py" line="268"/>
        <source>Sending by itself is off.</source>
        <translation>El envío automático está desactivado.</translation>
    </message>
    <message>
        <location filename="../../ui/common/auto_sync.py" line="275"/>
        <source>Next try at {time}.</source>
        <translation>Próximo intento a las {time}.</translation>
    </message>
    <message>
        <location filename="../../ui/common/auto_sync.py" line="277"/>
        <source>no connection</source>
        <translation>sin conexión</translation>
    </message>
    <message>
        <location filename="../../ui/common/auto_sync.py" line="278"/>
        <source>the relay is busy or refused</source>
        <translation>el servidor de relevo está ocupado o lo rechazó</translation>
    </message>
    <message>
        <location filename="../../ui/common/auto_sync.py" line="279"/>
        <source>an error</source>
        <translation>un error</translation>
    </message>
    <message>
        <location filename="../../ui/common/auto_sync.py" line="280"/>
        <source>Next try at {time} (the last one failed: {why}).</source>
        <translation>Próximo intento a las {time} (el último falló: {why}).</translation>
    </message>
</context>
<context>
    <name>Chart</name>
    <message>
        <location filename="../../ui/coordinator/dashboard_page.py" line="111"/>
        <source>Period</source>
        <translation>Periodo</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/dashboard_page.py" line="111"/>
        <source>Category</source>
        <translation>Categoría</translation>
    </message>
</context>
<context>
    <name>ClaimBar</name>
    <message>
        <location filename="../../ui/coordinator/claim_bar.py" line="125"/>
        <source>Hours of the claim</source>
        <translation>Horas de la reserva</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/claim_bar.py" line="126"/>
        <source> h</source>
        <translation> h</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/claim_bar.py" line="127"/>
        <source>&amp;Release</source>
        <translation>&amp;Liberar</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/claim_bar.py" line="129"/>
        <source>S&amp;hared with the other coordinators</source>
        <translation>Compartida con las otras personas &amp;coordinadoras</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/claim_bar.py" line="131"/>
        <source>Unticked, the note stays in this vault; ticked, every coordinator sees it</source>
        <translation>Sin marcar, la nota se queda en esta bóveda; marcada, la ven todas las personas coordinadoras</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/claim_bar.py" line="128"/>
        <source>Break cla&amp;im…</source>
        <translation>Rom&amp;per la reserva…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/coordinator/claim_bar.py" line="139"/>
        <source>Rene&amp;w for %n hour(s)</source>
        <translation>
            <numerusform>Re&amp;novar por %n hora</numerusform>
            <numerusform>Re&amp;novar por %n horas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/coordinator/claim_bar.py" line="141"/>
        <source>&amp;Claim for %n hour(s)</source>
        <translation>
            <numerusform>&amp;Reservar por %n hora</numerusform>
            <numerusform>&amp;Reservar por %n horas</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/claim_bar.py" line="147"/>
        <source>Nobody is reviewing this report.</source>
        <translation>Nadie está revisando este reporte.</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/claim_bar.py" line="150"/>
        <source>You are reviewing this until {time}.</source>
        <translation>Usted lo está revisando hasta las {time}.</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/claim_bar.py" line="154"/>
        <source>{name} is reviewing this until {time}.</source>
        <translation>{name} lo está revisando hasta las {time}.</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/claim_bar.py" line="224"/>
        <source>Break the claim?</source>
        <translation>¿Romper la reserva?</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/claim_bar.py" line="226"/>
        <source>{name} is reviewing this report until {time}.</source>
        <translation>{name} está revisando este reporte hasta las {time}.</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/claim_bar.py" line="232"/>
        <source>Breaking the claim is recorded for every coordinator: {name} and the others will see in the report&apos;s history that you broke it.</source>
        <translation>Romper la reserva queda registrado para todas las personas coordinadoras: {name} y las demás verán en el historial del reporte que usted la rompió.</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/claim_bar.py" line="236"/>
        <source>&amp;Break the claim</source>
        <translation>&amp;Romper la reserva</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/claim_bar.py" line="237"/>
        <source>&amp;Keep it</source>
        <translation>&amp;Mantenerla</translation>
    </message>
</context>
<context>
    <name>ClaimWords</name>
    <message>
        <location filename="../../ui/coordinator/claim_bar.py" line="65"/>
        <source>broke {name}&apos;s claim (recorded for everyone)</source>
        <translation>rompió la reserva de {name} (queda registrado para todos)</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/claim_bar.py" line="72"/>
        <source>claimed it until {time}</source>
        <translation>lo reservó hasta las {time}</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/claim_bar.py" line="73"/>
        <source>released the claim</source>
        <translation>liberó la reserva</translation>
    </message>
</context>
<context>
    <name>CoalitionPage</name>
    <message>
        <location filename="../../ui/common/first_run.py" line="277"/>
        <source>Your coalition</source>
        <translation>Su coalición</translation>
    </message>
    <message>
        <location filename="../../ui/common/first_run.py" line="280"/>
        <source>Load the coalition&apos;s keys file (coalition-keys.age, in the folder made when the coalition was created) and type the keys&apos; passphrase. The keys move into your vault.</source>
        <translation>Cargue el archivo de claves de la coalición (coalition-keys.age, en la carpeta que se creó con la coalición) y escriba la frase de paso de las claves. Las claves pasan a su bóveda.</translation>
    </message>
    <message>
        <location filename="../../ui/common/first_run.py" line="285"/>
        <source>Choose the keys file…</source>
        <translation>Elegir el archivo de claves…</translation>
    </message>
    <message>
        <location filename="../../ui/common/first_run.py" line="286"/>
        <source>&amp;Keys passphrase</source>
        <translation>Frase de las &amp;claves</translation>
    </message>
    <message>
        <location filename="../../ui/common/first_run.py" line="287"/>
        <source>Keys passphrase</source>
        <translation>Frase de paso de las claves</translation>
    </message>
    <message>
        <location filename="../../ui/common/first_run.py" line="292"/>
        <location filename="../../ui/common/first_run.py" line="293"/>
        <source>Coalition keys</source>
        <translation>Llaves de la coalición</translation>
    </message>
</context>
<context>
    <name>CoalitionSettings</name>
    <message>
        <location filename="../../ui/common/coalition_settings.py" line="177"/>
        <source>Coalition</source>
        <translation>Coalición</translation>
    </message>
    <message>
        <location filename="../../ui/common/coalition_settings.py" line="180"/>
        <location filename="../../ui/common/coalition_settings.py" line="255"/>
        <source>Coalition profile</source>
        <translation>Perfil de la coalición</translation>
    </message>
    <message>
        <location filename="../../ui/common/coalition_settings.py" line="181"/>
        <source>Connection to the coalition&apos;s relay</source>
        <translation>Conexión con el servidor de relevo de la coalición</translation>
    </message>
    <message>
        <location filename="../../ui/common/coalition_settings.py" line="182"/>
        <source>Relay and connection</source>
        <translation>Servidor de relevo y conexión</translation>
    </message>
    <message>
        <location filename="../../ui/common/coalition_settings.py" line="183"/>
        <source>Compare it with the coordinator&apos;s, by phone or in person.</source>
        <translation>Compárela con la de la coordinación, por teléfono o en persona.</translation>
    </message>
    <message>
        <location filename="../../ui/common/coalition_settings.py" line="184"/>
        <source>Enrollment &amp;token</source>
        <translation>&amp;Token de inscripción</translation>
    </message>
    <message>
        <location filename="../../ui/common/coalition_settings.py" line="185"/>
        <source>Enrollment token</source>
        <translation>Token de inscripción</translation>
    </message>
    <message>
        <location filename="../../ui/common/coalition_settings.py" line="186"/>
        <source>C&amp;onnect</source>
        <translation>C&amp;onectar</translation>
    </message>
    <message>
        <location filename="../../ui/common/coalition_settings.py" line="187"/>
        <source>Read from a &amp;QR image…</source>
        <translation>Leer de una imagen &amp;QR…</translation>
    </message>
    <message>
        <location filename="../../ui/common/coalition_settings.py" line="188"/>
        <source>Relay</source>
        <translation>Servidor de relevo</translation>
    </message>
    <message>
        <location filename="../../ui/common/coalition_settings.py" line="189"/>
        <source>Connection</source>
        <translation>Conexión</translation>
    </message>
    <message>
        <location filename="../../ui/common/coalition_settings.py" line="190"/>
        <source>&amp;Test connection</source>
        <translation>&amp;Probar la conexión</translation>
    </message>
    <message>
        <location filename="../../ui/common/coalition_settings.py" line="191"/>
        <source>QR code of the fingerprint</source>
        <translation>Código QR de la huella</translation>
    </message>
    <message>
        <location filename="../../ui/common/coalition_settings.py" line="192"/>
        <source>Fingerprint</source>
        <translation>Huella</translation>
    </message>
    <message>
        <location filename="../../ui/common/coalition_settings.py" line="209"/>
        <source>No coalition profile yet.</source>
        <translation>Aún no hay perfil de coalición.</translation>
    </message>
    <message>
        <location filename="../../ui/common/coalition_settings.py" line="213"/>
        <source>&amp;Load a profile file…</source>
        <translation>&amp;Cargar un archivo de perfil…</translation>
    </message>
    <message>
        <location filename="../../ui/common/coalition_settings.py" line="215"/>
        <source>Coalition: %1</source>
        <translation>Coalición: %1</translation>
    </message>
    <message>
        <location filename="../../ui/common/coalition_settings.py" line="217"/>
        <source>Fingerprint: %1</source>
        <translation>Huella: %1</translation>
    </message>
    <message>
        <location filename="../../ui/common/coalition_settings.py" line="224"/>
        <source>&amp;Replace the profile…</source>
        <translation>&amp;Reemplazar el perfil…</translation>
    </message>
    <message>
        <location filename="../../ui/common/coalition_settings.py" line="226"/>
        <source>Connected: this laptop is enrolled with the relay.</source>
        <translation>Conectada: esta computadora está inscrita en el servidor de relevo.</translation>
    </message>
    <message>
        <location filename="../../ui/common/coalition_settings.py" line="228"/>
        <source>Not connected to a coalition yet: load its profile.</source>
        <translation>Aún sin conexión con una coalición: cargue su perfil.</translation>
    </message>
    <message>
        <location filename="../../ui/common/coalition_settings.py" line="232"/>
        <source>Not connected yet: paste the enrollment token the coordinator gave you (it starts with tt1-) and press Connect.</source>
        <translation>Aún sin conexión: pegue el token de inscripción que le dio la coordinación (empieza con tt1-) y pulse Conectar.</translation>
    </message>
    <message>
        <location filename="../../ui/common/coalition_settings.py" line="239"/>
        <source>(none yet)</source>
        <translation>(ninguno aún)</translation>
    </message>
    <message>
        <location filename="../../ui/common/coalition_settings.py" line="246"/>
        <source>Tor (%1)</source>
        <translation>Tor (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/common/coalition_settings.py" line="248"/>
        <source>SOCKS proxy (%1)</source>
        <translation>Proxy SOCKS (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/common/coalition_settings.py" line="250"/>
        <source>Direct (HTTPS)</source>
        <translation>Directa (HTTPS)</translation>
    </message>
    <message>
        <location filename="../../ui/common/coalition_settings.py" line="286"/>
        <source>The trusted profile was kept.</source>
        <translation>Se conservó el perfil de confianza.</translation>
    </message>
    <message>
        <location filename="../../ui/common/coalition_settings.py" line="302"/>
        <source>Replace the coalition profile?</source>
        <translation>¿Reemplazar el perfil de la coalición?</translation>
    </message>
    <message>
        <location filename="../../ui/common/coalition_settings.py" line="305"/>
        <source>This profile is signed by a DIFFERENT coalition key than the one you trust. Replace it only if the coordinator confirmed the new fingerprint with you, by phone or in person.</source>
        <translation>Este perfil está firmado por una clave de coalición DISTINTA de la que usted confía. Reemplácelo solo si la coordinación le confirmó la nueva huella, por teléfono o en persona.</translation>
    </message>
    <message>
        <location filename="../../ui/common/coalition_settings.py" line="311"/>
        <source>Trusted now: %1
%2

New: %3
%4</source>
        <translation>De confianza ahora: %1
%2

Nuevo: %3
%4</translation>
    </message>
    <message>
        <location filename="../../ui/common/coalition_settings.py" line="319"/>
        <source>&amp;Replace it</source>
        <translation>&amp;Reemplazarlo</translation>
    </message>
    <message>
        <location filename="../../ui/common/coalition_settings.py" line="320"/>
        <source>&amp;Keep the trusted one</source>
        <translation>&amp;Conservar el de confianza</translation>
    </message>
    <message>
        <location filename="../../ui/common/coalition_settings.py" line="331"/>
        <source>Profile loaded. Fingerprint: %1</source>
        <translation>Perfil cargado. Huella: %1</translation>
    </message>
    <message>
        <location filename="../../ui/common/coalition_settings.py" line="350"/>
        <source>Connecting…</source>
        <translation>Conectando…</translation>
    </message>
    <message>
        <location filename="../../ui/common/coalition_settings.py" line="358"/>
        <source>Image of the enrollment token&apos;s QR code</source>
        <translation>Imagen del código QR del token de inscripción</translation>
    </message>
    <message>
        <location filename="../../ui/common/coalition_settings.py" line="359"/>
        <source>Images</source>
        <translation>Imágenes</translation>
    </message>
    <message>
        <location filename="../../ui/common/coalition_settings.py" line="373"/>
        <source>Reading the image…</source>
        <translation>Leyendo la imagen…</translation>
    </message>
    <message>
        <location filename="../../ui/common/coalition_settings.py" line="379"/>
        <source>Token read from the image: press Connect.</source>
        <translation>Token leído de la imagen: pulse Conectar.</translation>
    </message>
    <message>
        <location filename="../../ui/common/coalition_settings.py" line="388"/>
        <source>Connected. Shared incidents can now leave.</source>
        <translation>Conectada. Los incidentes compartidos ya pueden salir.</translation>
    </message>
    <message>
        <location filename="../../ui/common/coalition_settings.py" line="422"/>
        <source>Asking the relay…</source>
        <translation>Preguntando al servidor de relevo…</translation>
    </message>
    <message>
        <location filename="../../ui/common/coalition_settings.py" line="423"/>
        <source>The relay answers over this connection.</source>
        <translation>El servidor de relevo responde por esta conexión.</translation>
    </message>
    <message>
        <location filename="../../ui/common/coalition_settings.py" line="425"/>
        <source>Something answered, but it is not the coalition&apos;s relay: its key does not match the profile. Nothing was sent. Tell your trainer or coordinator.</source>
        <translation>Algo respondió, pero no es el servidor de relevo de la coalición: su clave no coincide con el perfil. No se envió nada. Avise a su capacitadora o a la coordinación.</translation>
    </message>
    <message>
        <location filename="../../ui/common/coalition_settings.py" line="429"/>
        <source>The relay does not answer over this connection. Check the internet connection (or Tor). Incidents wait safely in the outbox.</source>
        <translation>El servidor de relevo no responde por esta conexión. Revise la conexión a internet (o Tor). Los incidentes esperan seguros en la bandeja de salida.</translation>
    </message>
    <message>
        <location filename="../../ui/common/coalition_settings.py" line="432"/>
        <source>No relay yet: load the coalition&apos;s profile first.</source>
        <translation>Aún no hay servidor de relevo: primero cargue el perfil de la coalición.</translation>
    </message>
</context>
<context>
    <name>ComparisonModel</name>
    <message>
        <location filename="../../ui/reporter/share_page.py" line="81"/>
        <source>Field</source>
        <translation>Campo</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/share_page.py" line="82"/>
        <source>What you recorded (stays on this computer)</source>
        <translation>Lo que registró (se queda en esta computadora)</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/share_page.py" line="83"/>
        <source>What the coalition receives</source>
        <translation>Lo que recibe la coalición</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/share_page.py" line="84"/>
        <source>Leaves?</source>
        <translation>¿Sale?</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/share_page.py" line="93"/>
        <source>Leaves as it is</source>
        <translation>Sale tal cual</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/share_page.py" line="94"/>
        <source>Leaves generalized</source>
        <translation>Sale generalizado</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/share_page.py" line="95"/>
        <source>Stays here</source>
        <translation>Se queda aquí</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/share_page.py" line="109"/>
        <source>(nothing)</source>
        <translation>(nada)</translation>
    </message>
</context>
<context>
    <name>CoordinationPage</name>
    <message>
        <location filename="../../ui/coordinator/coordination_page.py" line="239"/>
        <source>My card</source>
        <translation>Mi tarjeta</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/coordination_page.py" line="239"/>
        <source>Roster</source>
        <translation>Lista de coordinadores</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/coordination_page.py" line="239"/>
        <location filename="../../ui/coordinator/coordination_page.py" line="260"/>
        <source>Problems</source>
        <translation>Problemas</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/coordination_page.py" line="243"/>
        <source>&amp;Name the others see</source>
        <translation>&amp;Nombre que ven las demás personas</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/coordination_page.py" line="244"/>
        <source>&amp;Save my card…</source>
        <translation>&amp;Guardar mi tarjeta…</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/coordination_page.py" line="246"/>
        <source>A public file to give to the coalition admin, who adds it to the roster</source>
        <translation>Un archivo público para entregar a quien administra la coalición, que lo agrega a la lista</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/coordination_page.py" line="248"/>
        <source>&amp;Import a roster file…</source>
        <translation>&amp;Importar un archivo de lista…</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/coordination_page.py" line="249"/>
        <source>Import new coalition &amp;keys…</source>
        <translation>Importar nuevas &amp;claves de la coalición…</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/coordination_page.py" line="251"/>
        <source>A key rotation&apos;s file sealed to you by the coalition admin (.testigo-keys)</source>
        <translation>El archivo de un cambio de clave que quien administra la coalición selló para usted (.testigo-keys)</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/coordination_page.py" line="253"/>
        <source>S&amp;ync now</source>
        <translation>Sincroni&amp;zar ahora</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/coordination_page.py" line="255"/>
        <source>Send your triage decisions and receive the other coordinators&apos; (the relay)</source>
        <translation>Enviar sus decisiones de triaje y recibir las de las otras personas coordinadoras (por el servidor de relevo)</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/coordination_page.py" line="257"/>
        <source>&amp;Cancel</source>
        <translation>&amp;Cancelar</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/coordination_page.py" line="259"/>
        <source>Roster members</source>
        <translation>Miembros de la lista</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/coordination_page.py" line="262"/>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/coordination_page.py" line="263"/>
        <source>Id</source>
        <translation>Id</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/coordination_page.py" line="264"/>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/coordination_page.py" line="265"/>
        <source>Events received</source>
        <translation>Eventos recibidos</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/coordination_page.py" line="266"/>
        <source>Events sent</source>
        <translation>Eventos enviados</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/coordination_page.py" line="269"/>
        <source>you</source>
        <translation>usted</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/coordination_page.py" line="270"/>
        <source>active</source>
        <translation>activo</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/coordination_page.py" line="271"/>
        <source>removed</source>
        <translation>retirado</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/coordination_page.py" line="272"/>
        <source>{n} event(s)</source>
        <translation>{n} evento(s)</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/coordination_page.py" line="306"/>
        <source>You: {name}, id {id}. {seq} decision(s) of yours, {unsent} not sent yet.</source>
        <translation>Usted: {name}, id {id}. {seq} decisión(es) suya(s), {unsent} sin enviar todavía.</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/coordination_page.py" line="316"/>
        <source>No roster yet: save your card, give it to the coalition admin and import the roster file they send back.</source>
        <translation>Aún no hay lista: guarde su tarjeta, entréguela a quien administra la coalición e importe el archivo de lista que le devuelva.</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/coordination_page.py" line="323"/>
        <source>Roster number {serial} (key epoch {epoch}).</source>
        <translation>Lista número {serial} (época de clave {epoch}).</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/coordination_page.py" line="331"/>
        <source>No gaps, forks or refusals: the history is whole.</source>
        <translation>Sin huecos, bifurcaciones ni rechazos: el historial está completo.</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/coordination_page.py" line="338"/>
        <source>Restored from a backup: catching up with your own decisions on the relay ({adopted} adopted so far). Your new decisions are kept here and sent after that: sync now.</source>
        <translation>Restaurada desde una copia de seguridad: poniéndose al día con sus propias decisiones en el servidor de relevo ({adopted} adoptadas hasta ahora). Sus decisiones nuevas se guardan aquí y se envían después: sincronice ahora.</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/coordination_page.py" line="343"/>
        <source>Restored from a backup: caught up. {adopted} of your own decisions were adopted from the relay, {renumbered} taken meanwhile were numbered after them.</source>
        <translation>Restaurada desde una copia de seguridad: al día. Se adoptaron {adopted} de sus propias decisiones desde el servidor de relevo; {renumbered} tomadas mientras tanto se numeraron después de ellas.</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/coordination_page.py" line="355"/>
        <source>Missing decisions from {name} (numbers {ranges}): they never reached this vault, perhaps deleted on the relay. Sync again; if it stays, tell {name} and the coalition admin.</source>
        <translation>Faltan decisiones de {name} (números {ranges}): nunca llegaron a esta bóveda, quizá se borraron en el servidor de relevo. Sincronice de nuevo; si sigue así, avise a {name} y a quien administra la coalición.</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/coordination_page.py" line="363"/>
        <source>Two different decisions from {name} carry the same number ({seq}): their key may be used elsewhere. Every vault keeps the same one; tell the coalition admin, who may remove {name} from the roster.</source>
        <translation>Dos decisiones distintas de {name} llevan el mismo número ({seq}): su clave podría estar usándose en otro lugar. Todas las bóvedas conservan la misma; avise a quien administra la coalición, que puede retirar a {name} de la lista.</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/coordination_page.py" line="371"/>
        <source>A decision from {name} was refused ({reason}): nothing of it was applied. Tell the coalition admin.</source>
        <translation>Se rechazó una decisión de {name} ({reason}): no se aplicó nada de ella. Avise a quien administra la coalición.</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/coordination_page.py" line="384"/>
        <source>two different events with the same number</source>
        <translation>dos eventos distintos con el mismo número</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/coordination_page.py" line="387"/>
        <source>the previous event&apos;s hash does not match</source>
        <translation>el hash del evento anterior no coincide</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/coordination_page.py" line="389"/>
        <source>the author is not in the roster</source>
        <translation>el autor no está en la lista</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/coordination_page.py" line="390"/>
        <source>the signature does not verify</source>
        <translation>la firma no es válida</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/coordination_page.py" line="392"/>
        <source>the author was removed from the roster before this event</source>
        <translation>el autor fue retirado de la lista antes de este evento</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/coordination_page.py" line="394"/>
        <source>a malformed event</source>
        <translation>un evento mal formado</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/coordination_page.py" line="396"/>
        <source>the event&apos;s Lamport clock runs too far ahead</source>
        <translation>el reloj de Lamport del evento se adelanta demasiado</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/coordination_page.py" line="398"/>
        <source>an unreadable coordination object</source>
        <translation>un objeto de coordinación ilegible</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/coordination_page.py" line="400"/>
        <source>an unknown kind of coordination object</source>
        <translation>un tipo desconocido de objeto de coordinación</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/coordination_page.py" line="415"/>
        <source>Acknowledged: a new decision made elsewhere will warn again.</source>
        <translation>Reconocido: una decisión nueva tomada en otro sitio volverá a avisar.</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/coordination_page.py" line="428"/>
        <source>Save my card as</source>
        <translation>Guardar mi tarjeta como</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/coordination_page.py" line="446"/>
        <source>Card of {name} saved to {file}: give it to the coalition admin.</source>
        <translation>Tarjeta de {name} guardada en {file}: entréguela a quien administra la coalición.</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/coordination_page.py" line="456"/>
        <source>Roster file</source>
        <translation>Archivo de lista</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/coordination_page.py" line="456"/>
        <source>Rosters (*.testigo-roster);;All files (*)</source>
        <translation>Listas (*.testigo-roster);;Todos los archivos (*)</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/coordination_page.py" line="473"/>
        <source>Roster number {serial} imported.</source>
        <translation>Lista número {serial} importada.</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/coordination_page.py" line="475"/>
        <source>This vault already holds roster number {serial}.</source>
        <translation>Esta bóveda ya tiene la lista número {serial}.</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/coordination_page.py" line="485"/>
        <source>Coalition keys file</source>
        <translation>Archivo de claves de la coalición</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/coordination_page.py" line="485"/>
        <source>Keys (*.testigo-keys);;All files (*)</source>
        <translation>Claves (*.testigo-keys);;Todos los archivos (*)</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/coordination_page.py" line="501"/>
        <source>New coalition keys imported: this vault now opens epoch {epoch}.</source>
        <translation>Nuevas claves de la coalición importadas: esta bóveda abre ahora la época {epoch}.</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/coordination_page.py" line="523"/>
        <source>Exchanging decisions with the other coordinators…</source>
        <translation>Intercambiando decisiones con las otras personas coordinadoras…</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/coordination_page.py" line="537"/>
        <source>Sent {sent} decision(s); received {received} object(s): {applied} applied, {refused} refused.</source>
        <translation>Enviadas {sent} decisión(es); recibidos {received} objeto(s): {applied} aplicados, {refused} rechazados.</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/coordination_page.py" line="546"/>
        <source>Nothing sent: this vault has no roster yet.</source>
        <translation>No se envió nada: esta bóveda aún no tiene lista.</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/coordination_page.py" line="548"/>
        <source>Nothing sent: you are not an active member of the roster.</source>
        <translation>No se envió nada: usted no es miembro activo de la lista.</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/coordination_page.py" line="557"/>
        <source>Cancelled: what was received so far is kept.</source>
        <translation>Cancelado: se conserva lo recibido hasta ahora.</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/coordination_page.py" line="567"/>
        <source>Cancelling…</source>
        <translation>Cancelando…</translation>
    </message>
</context>
<context>
    <name>CoordinatorWindow</name>
    <message>
        <location filename="../../ui/coordinator/window.py" line="149"/>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/window.py" line="149"/>
        <source>Testigo — coordination</source>
        <translation>Testigo — coordinación</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/window.py" line="151"/>
        <source>Inbox</source>
        <translation>Recibidos</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/window.py" line="152"/>
        <source>Dashboard</source>
        <translation>Panel</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/window.py" line="153"/>
        <source>Spyware</source>
        <translation>Spyware</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/window.py" line="154"/>
        <source>Map</source>
        <translation>Mapa</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/window.py" line="155"/>
        <source>Refused</source>
        <translation>Rechazados</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/window.py" line="156"/>
        <source>Devices</source>
        <translation>Dispositivos</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/window.py" line="157"/>
        <source>Coordination</source>
        <translation>Coordinación</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/window.py" line="158"/>
        <source>Pull now</source>
        <translation>Recibir ahora</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/window.py" line="160"/>
        <source>Settings</source>
        <translation>Ajustes</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/window.py" line="159"/>
        <source>Export…</source>
        <translation>Exportar…</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/window.py" line="161"/>
        <source>Lock</source>
        <translation>Bloquear</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/window.py" line="164"/>
        <source>Help</source>
        <translation>Ayuda</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/window.py" line="164"/>
        <source>&amp;Diagnostics…</source>
        <translation>&amp;Diagnóstico…</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/window.py" line="165"/>
        <source>&amp;Count</source>
        <translation>&amp;Contar</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/window.py" line="169"/>
        <source>reports</source>
        <translation>reportes</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/window.py" line="170"/>
        <source>events (a same-event group once)</source>
        <translation>hechos (un grupo del mismo hecho, una vez)</translation>
    </message>
</context>
<context>
    <name>CopyWarning</name>
    <message>
        <location filename="../../ui/coordinator/copy_warning.py" line="39"/>
        <source>I know, this is &amp;me</source>
        <translation>Lo sé, soy &amp;yo</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/copy_warning.py" line="42"/>
        <source>You moved this identity to another computer on purpose: stop this warning for what it shows now. New decisions made elsewhere will warn again.</source>
        <translation>Se pasó con esta identidad a otro equipo a propósito: deje de ver este aviso por lo que muestra ahora. Las decisiones nuevas tomadas en otro sitio volverán a avisar.</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/copy_warning.py" line="57"/>
        <source>{events} of your own decisions (from number {first_seq}) were made on another computer with your coordinator identity. If that was not you, tell the coalition admin now: your identity may be copied.</source>
        <translation>{events} de sus propias decisiones (desde el número {first_seq}) se tomaron en otro equipo con su identidad de coordinador. Si no fue usted, avise ya a quien administra la coalición: su identidad puede estar copiada.</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <location filename="../../ui/coordinator/dashboard_page.py" line="228"/>
        <source>By month</source>
        <translation>Por mes</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/dashboard_page.py" line="229"/>
        <source>By half-year</source>
        <translation>Por semestre</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/dashboard_page.py" line="230"/>
        <source>By year</source>
        <translation>Por año</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/dashboard_page.py" line="231"/>
        <source>By state</source>
        <translation>Por estado</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/dashboard_page.py" line="232"/>
        <source>By perpetrator</source>
        <translation>Por agresor</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/dashboard_page.py" line="233"/>
        <source>By incident type</source>
        <translation>Por tipo de incidente</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/dashboard_page.py" line="234"/>
        <source>By target profile</source>
        <translation>Por perfil de la persona agredida</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/dashboard_page.py" line="235"/>
        <source>By gender</source>
        <translation>Por género</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/dashboard_page.py" line="236"/>
        <source>By coverage topic</source>
        <translation>Por tema de cobertura</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/dashboard_page.py" line="240"/>
        <source>reports</source>
        <translation>reportes</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/dashboard_page.py" line="240"/>
        <source>events</source>
        <translation>hechos</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/dashboard_page.py" line="246"/>
        <source>&amp;Count by</source>
        <translation>&amp;Contar por</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/dashboard_page.py" line="248"/>
        <source>month</source>
        <translation>mes</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/dashboard_page.py" line="249"/>
        <source>half-year</source>
        <translation>semestre</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/dashboard_page.py" line="250"/>
        <source>year</source>
        <translation>año</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/dashboard_page.py" line="259"/>
        <source>Count the time chart by</source>
        <translation>Contar la gráfica en el tiempo por</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/dashboard_page.py" line="273"/>
        <source>{n} {unit} counted in this selection</source>
        <translation>{n} {unit} contados en esta selección</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/dashboard_page.py" line="279"/>
        <source>Documented cases, not prevalence. Of these reports, {month} have only a month or year, {place} only a state, and {unknown} an unknown perpetrator.</source>
        <translation>Casos documentados, no prevalencia. De estos reportes, {month} tienen solo mes o año, {place} solo estado y {unknown} agresor desconocido.</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/dashboard_page.py" line="294"/>
        <source>none in this period</source>
        <translation>ninguno en este periodo</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/dashboard_page.py" line="296"/>
        <source>one every {hours} hours</source>
        <translation>uno cada {hours} horas</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/dashboard_page.py" line="299"/>
        <source>one every {hours} hours (about {days} days)</source>
        <translation>uno cada {hours} horas (unos {days} días)</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/dashboard_page.py" line="303"/>
        <source>From {start} to {end}: {n} {unit}, {every}.</source>
        <translation>Del {start} al {end}: {n} {unit}, {every}.</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/dashboard_page.py" line="312"/>
        <source>The period before ({start} to {end}): {n} {unit} ({change}).</source>
        <translation>El periodo anterior (del {start} al {end}): {n} {unit} ({change}).</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/coordinator/dashboard_page.py" line="322"/>
        <source>%n report(s) still pending triage, not counted here.</source>
        <translation>
            <numerusform>%n reporte sigue pendiente de triaje y no se cuenta aquí.</numerusform>
            <numerusform>%n reportes siguen pendientes de triaje y no se cuentan aquí.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DevicesPage</name>
    <message>
        <location filename="../../ui/coordinator/devices_page.py" line="122"/>
        <source>Compare a device&apos;s fingerprint with the one its person reads to you (in person or by a call you trust), then mark it verified.</source>
        <translation>Compare la huella de un dispositivo con la que le lee su persona (en persona o por una llamada de confianza) y luego márquelo como verificado.</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/devices_page.py" line="128"/>
        <source>Fingerprint</source>
        <translation>Huella</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/devices_page.py" line="128"/>
        <source>Verified</source>
        <translation>Verificado</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/devices_page.py" line="128"/>
        <source>Bundles</source>
        <translation>Paquetes</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/devices_page.py" line="128"/>
        <source>Missing</source>
        <translation>Faltan</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/devices_page.py" line="130"/>
        <source>Devices</source>
        <translation>Dispositivos</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/devices_page.py" line="131"/>
        <source>&amp;Mark verified</source>
        <translation>&amp;Marcar verificado</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/devices_page.py" line="147"/>
        <source>verified</source>
        <translation>verificado</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/devices_page.py" line="147"/>
        <source>not verified</source>
        <translation>no verificado</translation>
    </message>
</context>
<context>
    <name>DiagnosticsDialog</name>
    <message>
        <location filename="../../ui/common/diagnostics_dialog.py" line="62"/>
        <location filename="../../ui/common/diagnostics_dialog.py" line="70"/>
        <source>Diagnostics</source>
        <translation>Diagnóstico</translation>
    </message>
    <message>
        <location filename="../../ui/common/diagnostics_dialog.py" line="65"/>
        <source>What went wrong since Testigo started, for whoever helps you: the kind of each error and where in Testigo&apos;s code it happened, never anything you recorded. It is kept in memory only and is gone when Testigo closes.</source>
        <translation>Lo que falló desde que se abrió Testigo, para quien le ayude: el tipo de cada error y en qué parte del código de Testigo ocurrió, nunca nada de lo que usted registró. Se guarda solo en la memoria y desaparece al cerrar Testigo.</translation>
    </message>
    <message>
        <location filename="../../ui/common/diagnostics_dialog.py" line="71"/>
        <source>&amp;Copy</source>
        <translation>&amp;Copiar</translation>
    </message>
    <message>
        <location filename="../../ui/common/diagnostics_dialog.py" line="72"/>
        <source>&amp;Save…</source>
        <translation>&amp;Guardar…</translation>
    </message>
    <message>
        <location filename="../../ui/common/diagnostics_dialog.py" line="78"/>
        <source>Nothing has gone wrong since Testigo started.</source>
        <translation>No ha habido ningún error desde que se abrió Testigo.</translation>
    </message>
    <message>
        <location filename="../../ui/common/diagnostics_dialog.py" line="93"/>
        <source>Save diagnostics</source>
        <translation>Guardar el diagnóstico</translation>
    </message>
</context>
<context>
    <name>DoctorPage</name>
    <message>
        <location filename="../../ui/common/doctor_page.py" line="67"/>
        <source>&amp;Check again</source>
        <translation>&amp;Revisar de nuevo</translation>
    </message>
    <message>
        <location filename="../../ui/common/doctor_page.py" line="67"/>
        <source>&amp;Check this computer</source>
        <translation>&amp;Revisar esta computadora</translation>
    </message>
    <message>
        <location filename="../../ui/common/doctor_page.py" line="69"/>
        <source>Checks</source>
        <translation>Comprobaciones</translation>
    </message>
    <message>
        <location filename="../../ui/common/doctor_page.py" line="76"/>
        <source>Checking…</source>
        <translation>Revisando…</translation>
    </message>
    <message>
        <location filename="../../ui/common/doctor_page.py" line="102"/>
        <source>What to do: %1</source>
        <translation>Qué hacer: %1</translation>
    </message>
    <message>
        <location filename="../../ui/common/doctor_page.py" line="113"/>
        <source>%1 to fix, %2 to look at, of %3 checks.</source>
        <translation>%1 por corregir, %2 por revisar, de %3 comprobaciones.</translation>
    </message>
    <message>
        <location filename="../../ui/common/doctor_page.py" line="121"/>
        <source>Checks this computer&apos;s safety and the connection to the coalition, and says what to fix.</source>
        <translation>Revisa la seguridad de esta computadora y la conexión con la coalición, y dice qué corregir.</translation>
    </message>
    <message>
        <location filename="../../ui/common/doctor_page.py" line="128"/>
        <source>Fine</source>
        <translation>Bien</translation>
    </message>
    <message>
        <location filename="../../ui/common/doctor_page.py" line="129"/>
        <source>Look at this</source>
        <translation>Revise esto</translation>
    </message>
    <message>
        <location filename="../../ui/common/doctor_page.py" line="130"/>
        <source>Fix this</source>
        <translation>Corrija esto</translation>
    </message>
    <message>
        <location filename="../../ui/common/doctor_page.py" line="131"/>
        <source>Not checked</source>
        <translation>Sin revisar</translation>
    </message>
</context>
<context>
    <name>ErrorWords</name>
    <message>
        <location filename="../../ui/common/errors.py" line="24"/>
        <source>Check the passphrase and try again.</source>
        <translation>Revise la frase de paso e inténtelo de nuevo.</translation>
    </message>
    <message>
        <location filename="../../ui/common/errors.py" line="25"/>
        <source>Testigo keeps it in the outbox and tries again later.</source>
        <translation>Testigo lo guarda en la bandeja de salida y lo intentará más tarde.</translation>
    </message>
    <message>
        <location filename="../../ui/common/errors.py" line="26"/>
        <source>Free some disk space, then try again.</source>
        <translation>Libere espacio en el disco y vuelva a intentarlo.</translation>
    </message>
</context>
<context>
    <name>EvidenceViewer</name>
    <message>
        <location filename="../../ui/common/evidence_viewer.py" line="245"/>
        <source>Picture</source>
        <translation>Imagen</translation>
    </message>
    <message>
        <location filename="../../ui/common/evidence_viewer.py" line="250"/>
        <source>&amp;Actual size (100 %)</source>
        <translation>&amp;Tamaño real (100 %)</translation>
    </message>
    <message>
        <location filename="../../ui/common/evidence_viewer.py" line="253"/>
        <source>Show the picture at 100 %, or fit it again</source>
        <translation>Mostrar la imagen al 100 %, o ajustarla otra vez a la ventana</translation>
    </message>
    <message>
        <location filename="../../ui/common/evidence_viewer.py" line="280"/>
        <source>This kind of file cannot be shown here. Use Extract… to save a copy where you choose.</source>
        <translation>Este tipo de archivo no se puede mostrar aquí. Usa Extraer… para guardar una copia donde elijas.</translation>
    </message>
    <message>
        <location filename="../../ui/common/evidence_viewer.py" line="287"/>
        <source>Type: {media_type}
Size: {size} ({bytes} bytes)</source>
        <translation>Tipo: {media_type}
Tamaño: {size} ({bytes} bytes)</translation>
    </message>
    <message>
        <location filename="../../ui/common/evidence_viewer.py" line="299"/>
        <source>E&amp;xtract…</source>
        <translation>E&amp;xtraer…</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../ui/coordinator/export_dialog.py" line="132"/>
        <source>Export reports</source>
        <translation>Exportar reportes</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/export_dialog.py" line="134"/>
        <source>Spreadsheet (CSV) with its codebook</source>
        <translation>Hoja de cálculo (CSV) con su libro de códigos</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/export_dialog.py" line="135"/>
        <source>JSON (HURIDOCS events)</source>
        <translation>JSON (eventos HURIDOCS)</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/export_dialog.py" line="136"/>
        <source>Uwazi collection (CSV and template)</source>
        <translation>Colección de Uwazi (CSV y plantilla)</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/export_dialog.py" line="137"/>
        <source>Spyware indicators (STIX 2.1, for MVT)</source>
        <translation>Indicadores de software espía (STIX 2.1, para MVT)</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/export_dialog.py" line="138"/>
        <source>Summary report (PDF)</source>
        <translation>Informe resumen (PDF)</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/export_dialog.py" line="139"/>
        <source>Evidence packet for the chosen cases (zip)</source>
        <translation>Paquete de evidencia de los casos elegidos (zip)</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/export_dialog.py" line="144"/>
        <source>Any</source>
        <translation>Cualquiera</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/export_dialog.py" line="155"/>
        <location filename="../../ui/coordinator/export_dialog.py" line="156"/>
        <source>YYYY, YYYY-MM or YYYY-MM-DD</source>
        <translation>AAAA, AAAA-MM o AAAA-MM-DD</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/export_dialog.py" line="160"/>
        <source>&amp;Format</source>
        <translation>&amp;Formato</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/export_dialog.py" line="161"/>
        <source>&amp;Language of the file</source>
        <translation>&amp;Idioma del archivo</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/export_dialog.py" line="162"/>
        <source>F&amp;rom (incident date)</source>
        <translation>&amp;Desde (fecha del incidente)</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/export_dialog.py" line="163"/>
        <source>T&amp;o (incident date)</source>
        <translation>&amp;Hasta (fecha del incidente)</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/export_dialog.py" line="164"/>
        <source>&amp;State</source>
        <translation>E&amp;ntidad federativa</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/export_dialog.py" line="165"/>
        <source>Incident &amp;type</source>
        <translation>&amp;Tipo de incidente</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/export_dialog.py" line="170"/>
        <source>Every received report, not only the counted ones</source>
        <translation>Todos los reportes recibidos, no solo los contados</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/export_dialog.py" line="171"/>
        <source>Include the coordinators&apos; notes and tags</source>
        <translation>Incluir las notas y etiquetas de la coordinación</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/export_dialog.py" line="172"/>
        <source>For publication: counts only, hide counts below k</source>
        <translation>Para publicar: solo conteos, ocultar los menores que k</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/export_dialog.py" line="174"/>
        <source>Smallest count shown</source>
        <translation>Conteo mínimo que se muestra</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/export_dialog.py" line="175"/>
        <location filename="../../ui/coordinator/export_dialog.py" line="176"/>
        <source>File to write</source>
        <translation>Archivo a escribir</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/export_dialog.py" line="177"/>
        <source>&amp;Choose…</source>
        <translation>Ele&amp;gir…</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/export_dialog.py" line="178"/>
        <source>&amp;Export</source>
        <translation>&amp;Exportar</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/export_dialog.py" line="179"/>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/export_dialog.py" line="193"/>
        <source>Export to</source>
        <translation>Exportar a</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/export_dialog.py" line="216"/>
        <source>Choose the file to write first.</source>
        <translation>Primero elija el archivo a escribir.</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/export_dialog.py" line="255"/>
        <source>Exporting…</source>
        <translation>Exportando…</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/export_dialog.py" line="269"/>
        <source>Replace the files beside the export?</source>
        <translation>¿Reemplazar los archivos junto a la exportación?</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/export_dialog.py" line="272"/>
        <source>These files beside the export were changed since Testigo wrote them, perhaps by hand. Replace them too?</source>
        <translation>Estos archivos junto a la exportación cambiaron desde que Testigo los escribió, quizá a mano. ¿Reemplazarlos también?</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/export_dialog.py" line="279"/>
        <source>&amp;Replace them too</source>
        <translation>&amp;Reemplazarlos también</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/export_dialog.py" line="282"/>
        <source>&amp;Keep mine (write only the main file)</source>
        <translation>&amp;Conservar los míos (escribir solo el archivo principal)</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/export_dialog.py" line="284"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/export_dialog.py" line="298"/>
        <source>Nothing was written.</source>
        <translation>No se escribió nada.</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/export_dialog.py" line="311"/>
        <source>Reports exported: {n}. Written:</source>
        <translation>Reportes exportados: {n}. Se escribió:</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/export_dialog.py" line="314"/>
        <source>Kept as they were:</source>
        <translation>Se conservaron como estaban:</translation>
    </message>
</context>
<context>
    <name>FieldNames</name>
    <message>
        <location filename="../../ui/common/field_names.py" line="17"/>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <location filename="../../ui/common/field_names.py" line="18"/>
        <source>Description</source>
        <translation>Descripción</translation>
    </message>
    <message>
        <location filename="../../ui/common/field_names.py" line="19"/>
        <source>Incident types</source>
        <translation>Tipos de incidente</translation>
    </message>
    <message>
        <location filename="../../ui/common/field_names.py" line="20"/>
        <source>Sphere</source>
        <translation>Ámbito</translation>
    </message>
    <message>
        <location filename="../../ui/common/field_names.py" line="21"/>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <location filename="../../ui/common/field_names.py" line="22"/>
        <source>End date</source>
        <translation>Fecha final</translation>
    </message>
    <message>
        <location filename="../../ui/common/field_names.py" line="23"/>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <location filename="../../ui/common/field_names.py" line="24"/>
        <source>Date precision</source>
        <translation>Precisión de la fecha</translation>
    </message>
    <message>
        <location filename="../../ui/common/field_names.py" line="25"/>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location filename="../../ui/common/field_names.py" line="26"/>
        <source>Municipality</source>
        <translation>Municipio</translation>
    </message>
    <message>
        <location filename="../../ui/common/field_names.py" line="27"/>
        <source>Exact place</source>
        <translation>Lugar exacto</translation>
    </message>
    <message>
        <location filename="../../ui/common/field_names.py" line="28"/>
        <source>Coordinates</source>
        <translation>Coordenadas</translation>
    </message>
    <message>
        <location filename="../../ui/common/field_names.py" line="29"/>
        <source>Type of place</source>
        <translation>Tipo de lugar</translation>
    </message>
    <message>
        <location filename="../../ui/common/field_names.py" line="30"/>
        <source>profile</source>
        <translation>perfil</translation>
    </message>
    <message>
        <location filename="../../ui/common/field_names.py" line="31"/>
        <source>gender</source>
        <translation>género</translation>
    </message>
    <message>
        <location filename="../../ui/common/field_names.py" line="32"/>
        <source>age</source>
        <translation>edad</translation>
    </message>
    <message>
        <location filename="../../ui/common/field_names.py" line="33"/>
        <source>topics covered</source>
        <translation>temas que cubre</translation>
    </message>
    <message>
        <location filename="../../ui/common/field_names.py" line="34"/>
        <source>names</source>
        <translation>nombres</translation>
    </message>
    <message>
        <location filename="../../ui/common/field_names.py" line="35"/>
        <source>contact</source>
        <translation>contacto</translation>
    </message>
    <message>
        <location filename="../../ui/common/field_names.py" line="36"/>
        <source>Perpetrators</source>
        <translation>Perpetradores</translation>
    </message>
    <message>
        <location filename="../../ui/common/field_names.py" line="37"/>
        <source>Vectors</source>
        <translation>Vectores</translation>
    </message>
    <message>
        <location filename="../../ui/common/field_names.py" line="38"/>
        <source>Compromise</source>
        <translation>Compromiso</translation>
    </message>
    <message>
        <location filename="../../ui/common/field_names.py" line="39"/>
        <source>Detected by</source>
        <translation>Detectado por</translation>
    </message>
    <message>
        <location filename="../../ui/common/field_names.py" line="40"/>
        <source>Platform</source>
        <translation>Plataforma</translation>
    </message>
    <message>
        <location filename="../../ui/common/field_names.py" line="41"/>
        <source>Spyware</source>
        <translation>Software espía</translation>
    </message>
    <message>
        <location filename="../../ui/common/field_names.py" line="42"/>
        <source>Technical indicators</source>
        <translation>Indicadores técnicos</translation>
    </message>
    <message>
        <location filename="../../ui/common/field_names.py" line="43"/>
        <source>Technical indicator</source>
        <translation>Indicador técnico</translation>
    </message>
    <message>
        <location filename="../../ui/common/field_names.py" line="44"/>
        <source>Tags</source>
        <translation>Etiquetas</translation>
    </message>
    <message>
        <location filename="../../ui/common/field_names.py" line="45"/>
        <source>Record status</source>
        <translation>Estado del registro</translation>
    </message>
    <message>
        <location filename="../../ui/common/field_names.py" line="46"/>
        <source>Sensitivity</source>
        <translation>Sensibilidad</translation>
    </message>
    <message>
        <location filename="../../ui/common/field_names.py" line="47"/>
        <source>Private notes</source>
        <translation>Notas privadas</translation>
    </message>
    <message>
        <location filename="../../ui/common/field_names.py" line="48"/>
        <source>Files</source>
        <translation>Archivos</translation>
    </message>
    <message>
        <location filename="../../ui/common/field_names.py" line="51"/>
        <source>Person %1</source>
        <translation>Persona %1</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <location filename="../../ui/coordinator/common.py" line="152"/>
        <source>&amp;From</source>
        <translation>&amp;Desde</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/common.py" line="153"/>
        <source>&amp;To</source>
        <translation>&amp;Hasta</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/common.py" line="154"/>
        <source>T&amp;ype</source>
        <translation>T&amp;ipo</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/common.py" line="155"/>
        <source>&amp;State</source>
        <translation>&amp;Estado</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/common.py" line="156"/>
        <source>&amp;Perpetrator</source>
        <translation>&amp;Agresor</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/common.py" line="157"/>
        <source>&amp;Verification</source>
        <translation>&amp;Verificación</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/common.py" line="161"/>
        <location filename="../../ui/coordinator/common.py" line="162"/>
        <source>YYYY-MM</source>
        <translation>AAAA-MM</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/common.py" line="163"/>
        <source>From date</source>
        <translation>Fecha desde</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/common.py" line="164"/>
        <source>To date</source>
        <translation>Fecha hasta</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/common.py" line="165"/>
        <source>Clear filters</source>
        <translation>Quitar filtros</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/common.py" line="173"/>
        <source>State actors</source>
        <translation>Actores estatales</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/common.py" line="173"/>
        <source>Non-state actors</source>
        <translation>Actores no estatales</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/common.py" line="177"/>
        <source>Unverified</source>
        <translation>Sin verificar</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/common.py" line="178"/>
        <source>Corroborated</source>
        <translation>Corroborado</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/common.py" line="179"/>
        <source>Forensically confirmed</source>
        <translation>Confirmado forensemente</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/common.py" line="187"/>
        <source>All</source>
        <translation>Todos</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <location filename="../../ui/common/first_run.py" line="376"/>
        <source>Welcome to Testigo</source>
        <translation>Bienvenida a Testigo</translation>
    </message>
    <message>
        <location filename="../../ui/common/first_run.py" line="376"/>
        <source>Welcome</source>
        <translation>Bienvenida</translation>
    </message>
    <message>
        <location filename="../../ui/common/first_run.py" line="377"/>
        <source>Restore from a backup…</source>
        <translation>Restaurar una copia de seguridad…</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <location filename="../../ui/reporter/incidents/history.py" line="17"/>
        <source>History</source>
        <translation>Historial</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/history.py" line="25"/>
        <source>Revision {n} — {at} — {action}</source>
        <translation>Revisión {n} — {at} — {action}</translation>
    </message>
</context>
<context>
    <name>InboxPage</name>
    <message>
        <location filename="../../ui/coordinator/inbox_page.py" line="252"/>
        <source>Show every report (not only counted ones)</source>
        <translation>Mostrar todos los reportes (no solo los contados)</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/inbox_page.py" line="253"/>
        <source>Write &amp;receipt files…</source>
        <translation>Escribir archivos de &amp;acuse…</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/inbox_page.py" line="256"/>
        <source>Receipts for bundles imported from files, to carry back on the stick: each reporter imports them in the Outbox</source>
        <translation>Acuses de recibo de los paquetes importados desde archivos, para llevarlos de vuelta en la memoria USB: cada persona que reporta los importa en su bandeja de salida</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/inbox_page.py" line="260"/>
        <source>Received reports</source>
        <translation>Reportes recibidos</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/inbox_page.py" line="263"/>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/inbox_page.py" line="264"/>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/inbox_page.py" line="265"/>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/inbox_page.py" line="266"/>
        <source>Month</source>
        <translation>Mes</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/inbox_page.py" line="267"/>
        <source>Device</source>
        <translation>Dispositivo</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/inbox_page.py" line="268"/>
        <source>Received</source>
        <translation>Recibido</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/inbox_page.py" line="269"/>
        <source>By</source>
        <translation>Vía</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/inbox_page.py" line="270"/>
        <source>Review / verification / counting</source>
        <translation>Revisión / verificación / conteo</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/inbox_page.py" line="273"/>
        <source>verified</source>
        <translation>verificado</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/inbox_page.py" line="274"/>
        <source>not verified</source>
        <translation>no verificado</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/inbox_page.py" line="275"/>
        <source>{n} missing</source>
        <translation>faltan {n}</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/inbox_page.py" line="276"/>
        <source>relay</source>
        <translation>relevo</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/inbox_page.py" line="277"/>
        <source>file</source>
        <translation>archivo</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/inbox_page.py" line="278"/>
        <source>{name} is reviewing</source>
        <translation>en revisión por {name}</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/inbox_page.py" line="288"/>
        <source>The reports behind the number you chose</source>
        <translation>Los reportes detrás del número que eligió</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/coordinator/inbox_page.py" line="343"/>
        <source>%n report(s)</source>
        <translation>
            <numerusform>%n reporte</numerusform>
            <numerusform>%n reportes</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/inbox_page.py" line="369"/>
        <source>Folder for the receipt files</source>
        <translation>Carpeta para los archivos de acuse</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/coordinator/inbox_page.py" line="391"/>
        <source>%n receipt file(s) written</source>
        <translation>
            <numerusform>%n archivo de acuse escrito</numerusform>
            <numerusform>%n archivos de acuse escritos</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/inbox_page.py" line="393"/>
        <source>Every bundle from a file already has its receipt file</source>
        <translation>Cada paquete recibido en archivo ya tiene su archivo de acuse</translation>
    </message>
</context>
<context>
    <name>IncidentEditor</name>
    <message>
        <location filename="../../ui/reporter/incidents/editor.py" line="250"/>
        <source>(private: never shared)</source>
        <translation>(privado: nunca se comparte)</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/editor.py" line="252"/>
        <source>&amp;Title</source>
        <translation>&amp;Título</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/editor.py" line="253"/>
        <source>&amp;Description</source>
        <translation>&amp;Descripción</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/editor.py" line="254"/>
        <source>T&amp;ypes of incident</source>
        <translation>T&amp;ipos de incidente</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/editor.py" line="255"/>
        <source>Sphere</source>
        <translation>Ámbito</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/editor.py" line="256"/>
        <source>Status</source>
        <translation>Estado del registro</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/editor.py" line="257"/>
        <source>Sensitivity</source>
        <translation>Sensibilidad</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/editor.py" line="258"/>
        <source>Tags (comma separated)</source>
        <translation>Etiquetas (separadas por comas)</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/editor.py" line="259"/>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/editor.py" line="260"/>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/editor.py" line="261"/>
        <source>Date precision</source>
        <translation>Precisión de la fecha</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/editor.py" line="262"/>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/editor.py" line="263"/>
        <location filename="../../ui/reporter/incidents/editor.py" line="310"/>
        <source>Municipality (INEGI code)</source>
        <translation>Municipio (clave INEGI)</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/editor.py" line="264"/>
        <source>Place</source>
        <translation>Lugar</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/editor.py" line="265"/>
        <source>Type of place</source>
        <translation>Tipo de lugar</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/editor.py" line="266"/>
        <source>Who was targeted</source>
        <translation>Contra quién fue</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/editor.py" line="267"/>
        <source>Gender</source>
        <translation>Género</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/editor.py" line="268"/>
        <source>Names or aliases</source>
        <translation>Nombres o alias</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/editor.py" line="269"/>
        <source>Contact</source>
        <translation>Contacto</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/editor.py" line="270"/>
        <source>Suspected perpetrators</source>
        <translation>Presuntos responsables</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/editor.py" line="271"/>
        <source>How it arrived</source>
        <translation>Cómo llegó</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/editor.py" line="272"/>
        <source>Spyware status</source>
        <translation>Situación del programa espía</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/editor.py" line="273"/>
        <source>Spyware family</source>
        <translation>Familia de programa espía</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/editor.py" line="274"/>
        <source>Platform</source>
        <translation>Plataforma</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/editor.py" line="275"/>
        <source>How it was detected</source>
        <translation>Cómo se detectó</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/editor.py" line="276"/>
        <source>Technical indicator</source>
        <translation>Indicador técnico</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/editor.py" line="278"/>
        <source>Indicators</source>
        <translation>Indicadores</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/editor.py" line="279"/>
        <location filename="../../ui/reporter/incidents/editor.py" line="293"/>
        <source>Private notes</source>
        <translation>Notas privadas</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/editor.py" line="287"/>
        <source>What happened</source>
        <translation>Qué pasó</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/editor.py" line="288"/>
        <source>When and where</source>
        <translation>Cuándo y dónde</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/editor.py" line="289"/>
        <source>People</source>
        <translation>Personas</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/editor.py" line="290"/>
        <source>Digital</source>
        <translation>Digital</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/editor.py" line="291"/>
        <source>Consent</source>
        <translation>Consentimiento</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/editor.py" line="292"/>
        <source>Files</source>
        <translation>Archivos</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/editor.py" line="294"/>
        <source>Questions</source>
        <translation>Preguntas</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/editor.py" line="304"/>
        <source>Add</source>
        <translation>Añadir</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/editor.py" line="305"/>
        <source>&amp;Save</source>
        <translation>&amp;Guardar</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/editor.py" line="306"/>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/editor.py" line="307"/>
        <source>&amp;History</source>
        <translation>&amp;Historial</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/editor.py" line="311"/>
        <source>Municipality by name</source>
        <translation>Municipio por nombre</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/editor.py" line="491"/>
        <source>Draft saved.</source>
        <translation>Borrador guardado.</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/editor.py" line="491"/>
        <source>Saved.</source>
        <translation>Guardado.</translation>
    </message>
</context>
<context>
    <name>IncidentListPage</name>
    <message>
        <location filename="../../ui/reporter/incidents/list_page.py" line="124"/>
        <source>Search title, description, notes, places…</source>
        <translation>Buscar en título, descripción, notas, lugares…</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/list_page.py" line="125"/>
        <source>Search incidents</source>
        <translation>Buscar incidentes</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/list_page.py" line="126"/>
        <source>All types</source>
        <translation>Todos los tipos</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/list_page.py" line="127"/>
        <source>All states</source>
        <translation>Todos los estados</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/list_page.py" line="128"/>
        <source>All perpetrators</source>
        <translation>Todos los responsables</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/list_page.py" line="129"/>
        <source>Any status</source>
        <translation>Cualquier estado del registro</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/list_page.py" line="130"/>
        <source>Filter by type</source>
        <translation>Filtrar por tipo</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/list_page.py" line="131"/>
        <source>Filter by state</source>
        <translation>Filtrar por estado</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/list_page.py" line="132"/>
        <source>Filter by perpetrator</source>
        <translation>Filtrar por responsable</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/list_page.py" line="133"/>
        <source>Filter by status</source>
        <translation>Filtrar por estado del registro</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/list_page.py" line="134"/>
        <source>&amp;From</source>
        <translation>&amp;Desde</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/list_page.py" line="135"/>
        <source>&amp;To</source>
        <translation>&amp;Hasta</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/list_page.py" line="136"/>
        <source>From date</source>
        <translation>Desde</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/list_page.py" line="137"/>
        <source>To date</source>
        <translation>Hasta</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/list_page.py" line="138"/>
        <source>From date (YYYY-MM-DD)</source>
        <translation>Desde (AAAA-MM-DD)</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/list_page.py" line="139"/>
        <source>To date (YYYY-MM-DD)</source>
        <translation>Hasta (AAAA-MM-DD)</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/list_page.py" line="140"/>
        <source>&amp;New incident</source>
        <translation>&amp;Nuevo incidente</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/list_page.py" line="141"/>
        <source>&amp;Open</source>
        <translation>&amp;Abrir</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/list_page.py" line="142"/>
        <source>S&amp;hare…</source>
        <translation>Co&amp;mpartir…</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/list_page.py" line="143"/>
        <source>&amp;Delete</source>
        <translation>&amp;Borrar</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/list_page.py" line="144"/>
        <source>Incidents</source>
        <translation>Incidentes</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/list_page.py" line="195"/>
        <source>Delete</source>
        <translation>Borrar</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/list_page.py" line="196"/>
        <source>Delete this incident and its files for good? This cannot be undone.</source>
        <translation>¿Borrar este incidente y sus archivos para siempre? No se puede deshacer.</translation>
    </message>
</context>
<context>
    <name>IncidentQuestionsModel</name>
    <message>
        <location filename="../../ui/reporter/incidents/questions.py" line="42"/>
        <source>not answered</source>
        <translation>sin responder</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/questions.py" line="43"/>
        <source>answered: leaves with the next share</source>
        <translation>respondida: sale al compartir de nuevo</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/questions.py" line="44"/>
        <source>answer sent</source>
        <translation>respuesta enviada</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/questions.py" line="54"/>
        <source>Could you share more?</source>
        <translation>¿Podría compartir más?</translation>
    </message>
</context>
<context>
    <name>IncidentTableModel</name>
    <message>
        <location filename="../../ui/reporter/incidents/model.py" line="60"/>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/model.py" line="61"/>
        <source>Status</source>
        <translation>Estado del registro</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/model.py" line="62"/>
        <source>Types</source>
        <translation>Tipos</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/model.py" line="63"/>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/model.py" line="64"/>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/model.py" line="65"/>
        <source>Shared</source>
        <translation>Compartido</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/model.py" line="66"/>
        <source>Updated</source>
        <translation>Actualizado</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/model.py" line="90"/>
        <source>(untitled)</source>
        <translation>(sin título)</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/model.py" line="95"/>
        <source>in the outbox</source>
        <translation>en la bandeja de salida</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/model.py" line="96"/>
        <source>sending</source>
        <translation>enviando</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/model.py" line="97"/>
        <source>sent</source>
        <translation>enviado</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/model.py" line="98"/>
        <source>received by the coalition</source>
        <translation>recibido por la coalición</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/model.py" line="99"/>
        <source>failed</source>
        <translation>falló</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/model.py" line="100"/>
        <source>cancelled</source>
        <translation>cancelado</translation>
    </message>
</context>
<context>
    <name>LanguagePage</name>
    <message>
        <location filename="../../ui/common/first_run.py" line="57"/>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <location filename="../../ui/common/first_run.py" line="59"/>
        <source>Choose the language. You can change it later.</source>
        <translation>Elija el idioma. Puede cambiarlo después.</translation>
    </message>
    <message>
        <location filename="../../ui/common/first_run.py" line="61"/>
        <source>Choose the language of Testigo. You can change it later.</source>
        <translation>Elija el idioma de Testigo. Puede cambiarlo después.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/reporter/main_window.py" line="143"/>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/main_window.py" line="143"/>
        <source>Testigo</source>
        <translation>Testigo</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/main_window.py" line="150"/>
        <source>Incidents</source>
        <translation>Incidentes</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/main_window.py" line="151"/>
        <source>New</source>
        <translation>Nuevo</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/main_window.py" line="152"/>
        <source>Outbox</source>
        <translation>Bandeja de salida</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/main_window.py" line="153"/>
        <source>Settings</source>
        <translation>Ajustes</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/main_window.py" line="154"/>
        <source>Lock</source>
        <translation>Bloquear</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/main_window.py" line="158"/>
        <source>Help</source>
        <translation>Ayuda</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/main_window.py" line="158"/>
        <source>&amp;Diagnostics…</source>
        <translation>&amp;Diagnóstico…</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/main_window.py" line="159"/>
        <source>C&amp;heck this computer…</source>
        <translation>C&amp;omprobar esta computadora…</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/main_window.py" line="160"/>
        <source>&amp;Prepare this computer…</source>
        <translation>&amp;Preparar esta computadora…</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/main_window.py" line="219"/>
        <source>Not connected to a coalition yet</source>
        <translation>Aún sin conexión con una coalición</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/main_window.py" line="220"/>
        <source>Offline</source>
        <translation>Sin conexión</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/main_window.py" line="221"/>
        <source>Relay busy: will retry</source>
        <translation>Servidor de relevo ocupado: se reintentará</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/main_window.py" line="218"/>
        <source>Syncing…</source>
        <translation>Sincronizando…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/reporter/main_window.py" line="224"/>
        <source>%n waiting to be sent</source>
        <translation>
            <numerusform>%n en espera de envío</numerusform>
            <numerusform>%n en espera de envío</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/reporter/main_window.py" line="226"/>
        <source>%n carried by hand, waiting for a receipt</source>
        <translation>
            <numerusform>%n llevado a mano, en espera del acuse de recibo</numerusform>
            <numerusform>%n llevados a mano, en espera del acuse de recibo</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/reporter/main_window.py" line="227"/>
        <source>Up to date</source>
        <translation>Al día</translation>
    </message>
</context>
<context>
    <name>MapPage</name>
    <message>
        <location filename="../../ui/coordinator/map_page.py" line="238"/>
        <source>Documented cases, not prevalence; reports without a state are not on the map. State outlines: @svg-maps/mexico by Victor Cazanave, CC BY 4.0.</source>
        <translation>Casos documentados, no prevalencia; los reportes sin estado no están en el mapa. Contornos de los estados: @svg-maps/mexico de Victor Cazanave, CC BY 4.0.</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/map_page.py" line="242"/>
        <source>Map of Mexico by state</source>
        <translation>Mapa de México por estado</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/map_page.py" line="249"/>
        <source>reports</source>
        <translation>reportes</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/map_page.py" line="249"/>
        <source>events</source>
        <translation>hechos</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/map_page.py" line="253"/>
        <source>{unit} per state</source>
        <translation>{unit} por estado</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/map_page.py" line="256"/>
        <source>&lt;b&gt;By state&lt;/b&gt; — {unit}; {none} without a state</source>
        <translation>&lt;b&gt;Por estado&lt;/b&gt; — {unit}; {none} sin estado</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/map_page.py" line="260"/>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/map_page.py" line="243"/>
        <location filename="../../ui/coordinator/map_page.py" line="261"/>
        <source>Counts by state</source>
        <translation>Conteo por estado</translation>
    </message>
</context>
<context>
    <name>OutboxModel</name>
    <message>
        <location filename="../../ui/reporter/outbox_page.py" line="75"/>
        <source>Created</source>
        <translation>Creado</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/outbox_page.py" line="77"/>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/outbox_page.py" line="76"/>
        <source>Incidents</source>
        <translation>Incidentes</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/outbox_page.py" line="78"/>
        <source>Progress</source>
        <translation>Avance</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/outbox_page.py" line="79"/>
        <source>Last error</source>
        <translation>Último error</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/outbox_page.py" line="85"/>
        <source>queued</source>
        <translation>en cola</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/outbox_page.py" line="86"/>
        <source>uploading</source>
        <translation>subiendo</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/outbox_page.py" line="87"/>
        <source>sent</source>
        <translation>enviado</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/outbox_page.py" line="88"/>
        <source>received by the coalition</source>
        <translation>recibido por la coalición</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/outbox_page.py" line="89"/>
        <source>carried by hand: waiting for the receipt</source>
        <translation>llevado a mano: en espera del acuse de recibo</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/outbox_page.py" line="90"/>
        <source>failed</source>
        <translation>falló</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/outbox_page.py" line="91"/>
        <source>cancelled</source>
        <translation>cancelado</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/outbox_page.py" line="108"/>
        <source>(deleted)</source>
        <translation>(borrado)</translation>
    </message>
</context>
<context>
    <name>OutboxPage</name>
    <message>
        <location filename="../../ui/reporter/outbox_page.py" line="196"/>
        <source>S&amp;ync now</source>
        <translation>Si&amp;ncronizar ahora</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/outbox_page.py" line="197"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/outbox_page.py" line="198"/>
        <source>Save to a &amp;USB stick…</source>
        <translation>Guardar en una memoria &amp;USB…</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/outbox_page.py" line="199"/>
        <source>Import &amp;receipt files…</source>
        <translation>Importar archivos de &amp;acuse…</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/outbox_page.py" line="200"/>
        <source>Outbox</source>
        <translation>Bandeja de salida</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/outbox_page.py" line="201"/>
        <source>Sync progress</source>
        <translation>Avance de la sincronización</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/outbox_page.py" line="280"/>
        <source>Sent {sent}, confirmed by the coalition {received}.</source>
        <translation>Enviados {sent}, confirmados por la coalición {received}.</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/outbox_page.py" line="297"/>
        <source>Save the bundles to (a USB stick)</source>
        <translation>Guardar los paquetes en (una memoria USB)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/reporter/outbox_page.py" line="330"/>
        <source>%n bundle(s) saved. Give them to the coordinator; each shows “received” once the coalition&apos;s receipt comes back.</source>
        <translation>
            <numerusform>%n paquete guardado. Entréguelo a la coordinación; dirá «recibido» cuando vuelva el acuse de recibo de la coalición.</numerusform>
            <numerusform>%n paquetes guardados. Entréguelos a la coordinación; cada uno dirá «recibido» cuando vuelva el acuse de recibo de la coalición.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/reporter/outbox_page.py" line="337"/>
        <source>Nothing to save: every bundle was saved or sent.</source>
        <translation>Nada que guardar: todos los paquetes ya se guardaron o se enviaron.</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/outbox_page.py" line="345"/>
        <source>Receipt files</source>
        <translation>Archivos de acuse de recibo</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/outbox_page.py" line="373"/>
        <source>Receipts: %1 received by the coalition, %2 already marked.</source>
        <translation>Acuses: %1 recibidos por la coalición, %2 ya marcados.</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/outbox_page.py" line="379"/>
        <source>No receipt files there.</source>
        <translation>Ahí no hay archivos de acuse de recibo.</translation>
    </message>
</context>
<context>
    <name>PassphrasePage</name>
    <message>
        <location filename="../../ui/common/first_run.py" line="145"/>
        <source>Your passphrase</source>
        <translation>Su frase de paso</translation>
    </message>
    <message>
        <location filename="../../ui/common/first_run.py" line="148"/>
        <source>Several words only you know. Without it nobody, not even you, can open what you record: write it down somewhere safe.</source>
        <translation>Varias palabras que solo usted conoce. Sin ella nadie, ni usted, puede abrir lo que registra: anótela en un lugar seguro.</translation>
    </message>
    <message>
        <location filename="../../ui/common/first_run.py" line="152"/>
        <source>&amp;Passphrase</source>
        <translation>&amp;Frase de paso</translation>
    </message>
    <message>
        <location filename="../../ui/common/first_run.py" line="153"/>
        <source>&amp;Repeat it</source>
        <translation>&amp;Repítala</translation>
    </message>
    <message>
        <location filename="../../ui/common/first_run.py" line="154"/>
        <source>Passphrase</source>
        <translation>Frase de paso</translation>
    </message>
    <message>
        <location filename="../../ui/common/first_run.py" line="155"/>
        <source>Repeat the passphrase</source>
        <translation>Repita la frase de paso</translation>
    </message>
    <message>
        <location filename="../../ui/common/first_run.py" line="156"/>
        <source>Passphrase strength</source>
        <translation>Solidez de la frase de paso</translation>
    </message>
    <message>
        <location filename="../../ui/common/first_run.py" line="157"/>
        <source>&amp;Folder name</source>
        <translation>Nombre de la &amp;carpeta</translation>
    </message>
    <message>
        <location filename="../../ui/common/first_run.py" line="158"/>
        <source>Folder name</source>
        <translation>Nombre de la carpeta</translation>
    </message>
    <message>
        <location filename="../../ui/common/first_run.py" line="161"/>
        <source>Your notes are kept in a folder of this name among your programs&apos; data. Choose a plain name that says nothing about them.</source>
        <translation>Sus notas se guardan en una carpeta con este nombre entre los datos de sus programas. Elija un nombre sencillo que no diga nada de ellas.</translation>
    </message>
    <message>
        <location filename="../../ui/common/first_run.py" line="173"/>
        <source>The two passphrases differ.</source>
        <translation>Las dos frases no coinciden.</translation>
    </message>
</context>
<context>
    <name>ProfileNotice</name>
    <message>
        <location filename="../../ui/reporter/profile_notice.py" line="60"/>
        <source>&amp;Got it</source>
        <translation>&amp;Entendido</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/profile_notice.py" line="61"/>
        <source>Dismiss the coalition&apos;s notice</source>
        <translation>Descartar el aviso de la coalición</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/profile_notice.py" line="76"/>
        <source>Your coalition&apos;s profile was updated, signed by the coalition key you already trust. New bundles are sealed to the new key; nothing to do.</source>
        <translation>El perfil de su coalición se actualizó, firmado por la clave de la coalición en la que ya confía. Los nuevos paquetes se sellan con la nueva clave; no tiene que hacer nada.</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/profile_notice.py" line="83"/>
        <source>Nothing changed on this computer. If it happens again, ask your trainer to check the coalition&apos;s profile.</source>
        <translation>No cambió nada en esta computadora. Si vuelve a pasar, pida a su capacitador(a) que revise el perfil de la coalición.</translation>
    </message>
</context>
<context>
    <name>ProfilePage</name>
    <message>
        <location filename="../../ui/common/first_run.py" line="215"/>
        <source>Coalition profile (optional)</source>
        <translation>Perfil de la coalición (opcional)</translation>
    </message>
    <message>
        <location filename="../../ui/common/first_run.py" line="218"/>
        <source>If your trainer gave you a profile file, load it and compare the fingerprint with the one the coordinator reads to you.</source>
        <translation>Si su capacitadora le dio un archivo de perfil, cárguelo y compare la huella con la que le lea la coordinadora.</translation>
    </message>
    <message>
        <location filename="../../ui/common/first_run.py" line="222"/>
        <source>Load a profile file…</source>
        <translation>Cargar un archivo de perfil…</translation>
    </message>
    <message>
        <location filename="../../ui/common/first_run.py" line="223"/>
        <source>I coordinate a coalition: load its keys instead</source>
        <translation>Coordino una coalición: cargar sus claves en su lugar</translation>
    </message>
    <message>
        <location filename="../../ui/common/first_run.py" line="228"/>
        <location filename="../../ui/common/first_run.py" line="229"/>
        <source>Coalition profile</source>
        <translation>Perfil de la coalición</translation>
    </message>
    <message>
        <location filename="../../ui/common/first_run.py" line="245"/>
        <source>The file cannot be read.</source>
        <translation>No se puede leer el archivo.</translation>
    </message>
    <message>
        <location filename="../../ui/common/first_run.py" line="250"/>
        <source>Coalition: {name}
Fingerprint: {fp}</source>
        <translation>Coalición: {name}
Huella: {fp}</translation>
    </message>
</context>
<context>
    <name>ProvisionPage</name>
    <message>
        <location filename="../../ui/common/provision_page.py" line="99"/>
        <source>Load the coalition&apos;s profile, choose the language and discreet mode, and enroll with the relay if you have a token. Then compare the fingerprint with the coordinators.</source>
        <translation>Cargue el perfil de la coalición, elija el idioma y el modo discreto, e inscríbase en el servidor de relevo si tiene un token. Luego compare la huella con la coordinación.</translation>
    </message>
    <message>
        <location filename="../../ui/common/provision_page.py" line="105"/>
        <source>Coalition &amp;profile</source>
        <translation>&amp;Perfil de la coalición</translation>
    </message>
    <message>
        <location filename="../../ui/common/provision_page.py" line="106"/>
        <source>&amp;Language</source>
        <translation>&amp;Idioma</translation>
    </message>
    <message>
        <location filename="../../ui/common/provision_page.py" line="107"/>
        <source>&amp;Discreet mode (neutral name and icon)</source>
        <translation>Modo &amp;discreto (nombre e icono neutros)</translation>
    </message>
    <message>
        <location filename="../../ui/common/provision_page.py" line="108"/>
        <source>Enrollment &amp;token (optional)</source>
        <translation>&amp;Token de inscripción (opcional)</translation>
    </message>
    <message>
        <location filename="../../ui/common/provision_page.py" line="113"/>
        <source>&amp;Choose…</source>
        <translation>&amp;Elegir…</translation>
    </message>
    <message>
        <location filename="../../ui/common/provision_page.py" line="114"/>
        <source>&amp;Prepare this computer</source>
        <translation>&amp;Preparar esta computadora</translation>
    </message>
    <message>
        <location filename="../../ui/common/provision_page.py" line="121"/>
        <source>Coalition profile</source>
        <translation>Perfil de la coalición</translation>
    </message>
    <message>
        <location filename="../../ui/common/provision_page.py" line="122"/>
        <source>Coalition profiles (*.testigo-profile)</source>
        <translation>Perfiles de coalición (*.testigo-profile)</translation>
    </message>
    <message>
        <location filename="../../ui/common/provision_page.py" line="122"/>
        <source>All files (*)</source>
        <translation>Todos los archivos (*)</translation>
    </message>
    <message>
        <location filename="../../ui/common/provision_page.py" line="137"/>
        <source>Preparing…</source>
        <translation>Preparando…</translation>
    </message>
    <message>
        <location filename="../../ui/common/provision_page.py" line="174"/>
        <source>Profile of &apos;%1&apos; imported.</source>
        <translation>Perfil de &apos;%1&apos; importado.</translation>
    </message>
    <message>
        <location filename="../../ui/common/provision_page.py" line="175"/>
        <source>Fingerprint to compare: %1</source>
        <translation>Huella para comparar: %1</translation>
    </message>
    <message>
        <location filename="../../ui/common/provision_page.py" line="178"/>
        <source>Enrolled with the relay.</source>
        <translation>Inscrito en el servidor de relevo.</translation>
    </message>
    <message>
        <location filename="../../ui/common/provision_page.py" line="179"/>
        <source>Check next:</source>
        <translation>Revise después:</translation>
    </message>
</context>
<context>
    <name>PullBar</name>
    <message>
        <location filename="../../ui/coordinator/pull_task.py" line="69"/>
        <source>&amp;Pull now</source>
        <translation>&amp;Recibir ahora</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/pull_task.py" line="70"/>
        <source>Receive new reports from the relay (F5)</source>
        <translation>Recibir reportes nuevos del servidor de relevo (F5)</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/pull_task.py" line="71"/>
        <source>Import &amp;files…</source>
        <translation>Importar &amp;archivos…</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/pull_task.py" line="72"/>
        <source>Import a f&amp;older…</source>
        <translation>Importar una &amp;carpeta…</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/pull_task.py" line="73"/>
        <source>&amp;Cancel</source>
        <translation>&amp;Cancelar</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/pull_task.py" line="74"/>
        <source>Progress</source>
        <translation>Progreso</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/pull_task.py" line="89"/>
        <source>Receiving…</source>
        <translation>Recibiendo…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/coordinator/pull_task.py" line="116"/>
        <source>%n bundle(s) handled so far…</source>
        <translation>
            <numerusform>%n paquete procesado hasta ahora…</numerusform>
            <numerusform>%n paquetes procesados hasta ahora…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/coordinator/pull_task.py" line="122"/>
        <location filename="../../ui/coordinator/pull_task.py" line="195"/>
        <source>%n new report(s)</source>
        <translation>
            <numerusform>%n reporte nuevo</numerusform>
            <numerusform>%n reportes nuevos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/coordinator/pull_task.py" line="123"/>
        <location filename="../../ui/coordinator/pull_task.py" line="196"/>
        <source>%n already here</source>
        <translation>
            <numerusform>%n ya estaba</numerusform>
            <numerusform>%n ya estaban</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/coordinator/pull_task.py" line="124"/>
        <location filename="../../ui/coordinator/pull_task.py" line="197"/>
        <source>%n refused</source>
        <translation>
            <numerusform>%n rechazado</numerusform>
            <numerusform>%n rechazados</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/coordinator/pull_task.py" line="125"/>
        <source>%n set aside to retry</source>
        <translation>
            <numerusform>%n apartado para reintentar</numerusform>
            <numerusform>%n apartados para reintentar</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/pull_task.py" line="130"/>
        <location filename="../../ui/coordinator/pull_task.py" line="203"/>
        <source>Cancelled after: {what}</source>
        <translation>Cancelado tras: {what}</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/pull_task.py" line="134"/>
        <source>The relay asked to wait: pull again later.</source>
        <translation>El servidor de relevo pidió esperar: reciba de nuevo más tarde.</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/pull_task.py" line="150"/>
        <source>Cancelling…</source>
        <translation>Cancelando…</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/pull_task.py" line="154"/>
        <source>Bundle file</source>
        <translation>Archivo de paquete</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/pull_task.py" line="154"/>
        <source>Bundles (*.age *.testigo);;All files (*)</source>
        <translation>Paquetes (*.age *.testigo);;Todos los archivos (*)</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/pull_task.py" line="160"/>
        <source>Folder of bundles</source>
        <translation>Carpeta de paquetes</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/pull_task.py" line="180"/>
        <source>Importing…</source>
        <translation>Importando…</translation>
    </message>
</context>
<context>
    <name>QuestionsPanel</name>
    <message>
        <location filename="../../ui/coordinator/questions_panel.py" line="198"/>
        <location filename="../../ui/coordinator/questions_panel.py" line="200"/>
        <source>Questions to the reporter</source>
        <translation>Preguntas a quien reportó</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/questions_panel.py" line="199"/>
        <source>As&amp;k the reporter…</source>
        <translation>Pre&amp;guntar a quien reportó…</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/questions_panel.py" line="239"/>
        <source>Answer: %1</source>
        <translation>Respuesta: %1</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/questions_panel.py" line="242"/>
        <source>Shared: %1</source>
        <translation>Compartió: %1</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/questions_panel.py" line="260"/>
        <source>Sending…</source>
        <translation>Enviando…</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/questions_panel.py" line="269"/>
        <source>Sent. The reporter sees it at their next sync.</source>
        <translation>Enviada. Quien reportó la verá en su próxima sincronización.</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/questions.py" line="124"/>
        <source>Questions from the coalition about this incident, signed with its key. They are shown only here. Your answer leaves with this incident&apos;s next share.</source>
        <translation>Preguntas de la coalición sobre este incidente, firmadas con su clave. Solo se muestran aquí. Su respuesta sale la próxima vez que comparta este incidente.</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/questions.py" line="128"/>
        <source>Your answer</source>
        <translation>Su respuesta</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/questions.py" line="129"/>
        <source>Your answer (at most 2000 characters)</source>
        <translation>Su respuesta (como máximo 2000 caracteres)</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/questions.py" line="130"/>
        <source>Questions from the coalition</source>
        <translation>Preguntas de la coalición</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/questions.py" line="133"/>
        <source>Share %1</source>
        <translation>Compartir %1</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/questions.py" line="134"/>
        <source>Save the &amp;answer</source>
        <translation>Guardar la &amp;respuesta</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/questions.py" line="135"/>
        <source>Receive questions from the coalition (all incidents)</source>
        <translation>Recibir preguntas de la coalición (todos los incidentes)</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/questions.py" line="188"/>
        <source>No questions about this incident.</source>
        <translation>No hay preguntas sobre este incidente.</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/questions.py" line="192"/>
        <source>The coalition asks:</source>
        <translation>La coalición pregunta:</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/questions.py" line="197"/>
        <source>It asks you to share: %1</source>
        <translation>Le pide compartir: %1</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/questions.py" line="201"/>
        <source>Share only what you are comfortable sharing. Checking a box gives that consent for this incident; to send a file, choose it when you share.</source>
        <translation>Comparta solo lo que quiera compartir. Marcar una casilla da ese consentimiento para este incidente; para enviar un archivo, elíjalo al compartir.</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/questions.py" line="207"/>
        <source>Your answer: %1</source>
        <translation>Su respuesta: %1</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/questions.py" line="242"/>
        <source>Answer saved. It leaves when you share this incident again (Share…).</source>
        <translation>Respuesta guardada. Sale cuando vuelva a compartir este incidente (Compartir…).</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/questions.py" line="255"/>
        <source>Questions are on.</source>
        <translation>Las preguntas están activadas.</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/incidents/questions.py" line="257"/>
        <source>Questions are off: they are deleted unread at each sync.</source>
        <translation>Las preguntas están desactivadas: se borran sin leerlas en cada sincronización.</translation>
    </message>
</context>
<context>
    <name>RejectedPage</name>
    <message>
        <location filename="../../ui/coordinator/devices_page.py" line="64"/>
        <source>Bundles that were refused, and why. Nothing of them was imported; the relay will not send them again.</source>
        <translation>Paquetes rechazados y por qué. No se importó nada de ellos; el servidor de relevo no los volverá a enviar.</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/devices_page.py" line="69"/>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/devices_page.py" line="69"/>
        <source>Bundle</source>
        <translation>Paquete</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/devices_page.py" line="69"/>
        <source>Device</source>
        <translation>Dispositivo</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/devices_page.py" line="69"/>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/devices_page.py" line="71"/>
        <source>Refused bundles</source>
        <translation>Paquetes rechazados</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/devices_page.py" line="83"/>
        <source>unknown device</source>
        <translation>dispositivo desconocido</translation>
    </message>
</context>
<context>
    <name>ReportView</name>
    <message>
        <location filename="../../ui/coordinator/report_view.py" line="202"/>
        <source>(no reason)</source>
        <translation>(sin motivo)</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/report_view.py" line="207"/>
        <location filename="../../ui/coordinator/report_view.py" line="294"/>
        <source>same event</source>
        <translation>mismo hecho</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/report_view.py" line="208"/>
        <location filename="../../ui/coordinator/report_view.py" line="295"/>
        <source>same campaign</source>
        <translation>misma campaña</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/report_view.py" line="209"/>
        <location filename="../../ui/coordinator/report_view.py" line="296"/>
        <source>same target</source>
        <translation>misma persona agredida</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/report_view.py" line="215"/>
        <source>&amp;Review</source>
        <translation>&amp;Revisión</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/report_view.py" line="216"/>
        <source>&amp;Assignee</source>
        <translation>&amp;Responsable</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/report_view.py" line="217"/>
        <source>V&amp;erification</source>
        <translation>V&amp;erificación</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/report_view.py" line="218"/>
        <source>C&amp;ounting</source>
        <translation>C&amp;onteo</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/report_view.py" line="219"/>
        <source>Exclusion rea&amp;son</source>
        <translation>Moti&amp;vo de exclusión</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/report_view.py" line="220"/>
        <source>&amp;Note</source>
        <translation>&amp;Nota</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/report_view.py" line="221"/>
        <source>&amp;Tags (comma-separated)</source>
        <translation>E&amp;tiquetas (separadas por comas)</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/report_view.py" line="225"/>
        <source>Appl&amp;y</source>
        <translation>Apl&amp;icar</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/report_view.py" line="226"/>
        <source>Apply the triage (Ctrl+Return)</source>
        <translation>Aplicar la clasificación (Ctrl+Intro)</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/report_view.py" line="227"/>
        <source>&amp;Back to the inbox</source>
        <translation>&amp;Volver a recibidos</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/report_view.py" line="228"/>
        <source>&amp;Link</source>
        <translation>&amp;Vincular</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/report_view.py" line="229"/>
        <source>&amp;Unlink</source>
        <translation>&amp;Desvincular</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/report_view.py" line="230"/>
        <source>&amp;Open</source>
        <translation>&amp;Abrir</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/report_view.py" line="231"/>
        <source>Sa&amp;ve as…</source>
        <translation>&amp;Guardar como…</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/report_view.py" line="232"/>
        <source>Kind of link</source>
        <translation>Tipo de vínculo</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/report_view.py" line="236"/>
        <location filename="../../ui/coordinator/report_view.py" line="246"/>
        <source>Links</source>
        <translation>Vínculos</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/report_view.py" line="237"/>
        <location filename="../../ui/coordinator/report_view.py" line="247"/>
        <source>Suggested links</source>
        <translation>Vínculos sugeridos</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/report_view.py" line="238"/>
        <location filename="../../ui/coordinator/report_view.py" line="248"/>
        <source>History</source>
        <translation>Historial</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/report_view.py" line="239"/>
        <location filename="../../ui/coordinator/report_view.py" line="249"/>
        <source>Evidence files</source>
        <translation>Archivos de evidencia</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/report_view.py" line="245"/>
        <source>Report</source>
        <translation>Reporte</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/report_view.py" line="299"/>
        <source>shared indicator</source>
        <translation>indicador compartido</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/report_view.py" line="300"/>
        <source>same spyware family</source>
        <translation>misma familia de spyware</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/report_view.py" line="301"/>
        <source>same month, state and type</source>
        <translation>mismo mes, estado y tipo</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/report_view.py" line="312"/>
        <source>review</source>
        <translation>revisión</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/report_view.py" line="313"/>
        <source>assignee</source>
        <translation>responsable</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/report_view.py" line="314"/>
        <source>verification</source>
        <translation>verificación</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/report_view.py" line="315"/>
        <source>counting</source>
        <translation>conteo</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/report_view.py" line="316"/>
        <source>exclusion reason</source>
        <translation>motivo de exclusión</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/report_view.py" line="317"/>
        <source>note</source>
        <translation>nota</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/report_view.py" line="318"/>
        <source>tag</source>
        <translation>etiqueta</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/report_view.py" line="351"/>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/report_view.py" line="353"/>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/report_view.py" line="359"/>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/report_view.py" line="360"/>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/report_view.py" line="362"/>
        <source>Perpetrators</source>
        <translation>Agresores</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/report_view.py" line="370"/>
        <source>Compromise</source>
        <translation>Compromiso</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/report_view.py" line="374"/>
        <source>Spyware family</source>
        <translation>Familia de spyware</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/report_view.py" line="377"/>
        <source>Device</source>
        <translation>Dispositivo</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/report_view.py" line="342"/>
        <source>verified</source>
        <translation>verificado</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/report_view.py" line="342"/>
        <source>not verified</source>
        <translation>no verificado</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/report_view.py" line="378"/>
        <source>Received</source>
        <translation>Recibido</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/report_view.py" line="383"/>
        <source>Missing from this device</source>
        <translation>Faltan de este dispositivo</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/coordinator/report_view.py" line="384"/>
        <source>%n bundle(s) never arrived</source>
        <translation>
            <numerusform>%n paquete nunca llegó</numerusform>
            <numerusform>%n paquetes nunca llegaron</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/report_view.py" line="389"/>
        <source>shared with the other coordinators</source>
        <translation>compartida con las otras personas coordinadoras</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/report_view.py" line="434"/>
        <source>Saved.</source>
        <translation>Guardado.</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/report_view.py" line="498"/>
        <source>Save the evidence file as</source>
        <translation>Guardar el archivo de evidencia como</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/report_view.py" line="505"/>
        <source>Saved to {path}</source>
        <translation>Guardado en {path}</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <location filename="../../ui/common/restore_dialog.py" line="135"/>
        <source>Restore from a backup</source>
        <translation>Restaurar una copia de seguridad</translation>
    </message>
    <message>
        <location filename="../../ui/common/restore_dialog.py" line="137"/>
        <source>Choose the backup file and how it was protected when it was made.</source>
        <translation>Elija el archivo de la copia y cómo se protegió al hacerla.</translation>
    </message>
    <message>
        <location filename="../../ui/common/restore_dialog.py" line="139"/>
        <source>Choose the &amp;backup file…</source>
        <translation>Elegir el archivo de la &amp;copia…</translation>
    </message>
    <message>
        <location filename="../../ui/common/restore_dialog.py" line="140"/>
        <source>No file chosen yet.</source>
        <translation>Aún no eligió ningún archivo.</translation>
    </message>
    <message>
        <location filename="../../ui/common/restore_dialog.py" line="141"/>
        <source>Protected with a &amp;backup passphrase</source>
        <translation>Protegida con una &amp;frase de la copia</translation>
    </message>
    <message>
        <location filename="../../ui/common/restore_dialog.py" line="142"/>
        <location filename="../../ui/common/restore_dialog.py" line="143"/>
        <source>Backup passphrase</source>
        <translation>Frase de la copia</translation>
    </message>
    <message>
        <location filename="../../ui/common/restore_dialog.py" line="144"/>
        <source>Sealed to the &amp;coalition&apos;s key</source>
        <translation>Sellada con la clave de la &amp;coalición</translation>
    </message>
    <message>
        <location filename="../../ui/common/restore_dialog.py" line="145"/>
        <source>Choose the &amp;identity file…</source>
        <translation>Elegir el archivo de &amp;identidad…</translation>
    </message>
    <message>
        <location filename="../../ui/common/restore_dialog.py" line="149"/>
        <source>The restored vault opens with its own passphrase: the one it had when the backup was made, not the backup passphrase.</source>
        <translation>La bóveda restaurada se abre con su propia frase de paso: la que tenía cuando se hizo la copia, no la frase de la copia.</translation>
    </message>
    <message>
        <location filename="../../ui/common/restore_dialog.py" line="155"/>
        <source>&lt;b&gt;This replaces the vault on this computer.&lt;/b&gt; What it holds now and is not in the backup is lost for good.</source>
        <translation>&lt;b&gt;Esto reemplaza la bóveda de esta computadora.&lt;/b&gt; Lo que tiene ahora y no está en la copia se pierde para siempre.</translation>
    </message>
    <message>
        <location filename="../../ui/common/restore_dialog.py" line="160"/>
        <source>To replace it, type {word}:</source>
        <translation>Para reemplazarla, escriba {word}:</translation>
    </message>
    <message>
        <location filename="../../ui/common/restore_dialog.py" line="162"/>
        <source>Confirmation</source>
        <translation>Confirmación</translation>
    </message>
    <message>
        <location filename="../../ui/common/restore_dialog.py" line="164"/>
        <source>&amp;Replace with the backup</source>
        <translation>&amp;Reemplazar con la copia</translation>
    </message>
    <message>
        <location filename="../../ui/common/restore_dialog.py" line="164"/>
        <source>&amp;Restore</source>
        <translation>&amp;Restaurar</translation>
    </message>
    <message>
        <location filename="../../ui/common/restore_dialog.py" line="166"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location filename="../../ui/common/restore_dialog.py" line="170"/>
        <source>REPLACE</source>
        <translation>REEMPLAZAR</translation>
    </message>
    <message>
        <location filename="../../ui/common/restore_dialog.py" line="174"/>
        <source>Backup file</source>
        <translation>Archivo de la copia</translation>
    </message>
    <message>
        <location filename="../../ui/common/restore_dialog.py" line="174"/>
        <source>Backups (*.age)</source>
        <translation>Copias de seguridad (*.age)</translation>
    </message>
    <message>
        <location filename="../../ui/common/restore_dialog.py" line="180"/>
        <source>Identity file</source>
        <translation>Archivo de identidad</translation>
    </message>
    <message>
        <location filename="../../ui/common/restore_dialog.py" line="233"/>
        <source>Checking and restoring the backup…</source>
        <translation>Comprobando y restaurando la copia…</translation>
    </message>
    <message>
        <location filename="../../ui/common/restore_dialog.py" line="258"/>
        <source>Restored.</source>
        <translation>Restaurada.</translation>
    </message>
    <message>
        <location filename="../../ui/common/restore_dialog.py" line="265"/>
        <source>Cancelled: nothing was changed.</source>
        <translation>Cancelado: no se cambió nada.</translation>
    </message>
    <message>
        <location filename="../../ui/common/restore_dialog.py" line="270"/>
        <source>Nothing was changed.</source>
        <translation>No se cambió nada.</translation>
    </message>
    <message>
        <location filename="../../ui/common/restore_dialog.py" line="277"/>
        <source>Cancelling…</source>
        <translation>Cancelando…</translation>
    </message>
</context>
<context>
    <name>SessionWindow</name>
    <message>
        <location filename="../../ui/common/session_window.py" line="100"/>
        <source>Locking…</source>
        <translation>Bloqueando…</translation>
    </message>
    <message>
        <location filename="../../ui/common/session_window.py" line="121"/>
        <source>DELETE</source>
        <translation>BORRAR</translation>
    </message>
    <message>
        <location filename="../../ui/common/session_window.py" line="126"/>
        <source>This destroys everything in Testigo on this computer. Type {word} to confirm.</source>
        <translation>Esto destruye todo lo que hay en Testigo en esta computadora. Escriba {word} para confirmar.</translation>
    </message>
    <message>
        <location filename="../../ui/common/session_window.py" line="144"/>
        <source>Deleting everything…</source>
        <translation>Borrando todo…</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../ui/common/settings_page.py" line="167"/>
        <source>Protection</source>
        <translation>Protección</translation>
    </message>
    <message>
        <location filename="../../ui/common/settings_page.py" line="168"/>
        <source>Wipe after wrong &amp;passphrases</source>
        <translation>Borrar tras frases &amp;incorrectas</translation>
    </message>
    <message>
        <location filename="../../ui/common/settings_page.py" line="169"/>
        <source>Wipe after wrong passphrases</source>
        <translation>Borrar tras frases incorrectas</translation>
    </message>
    <message>
        <location filename="../../ui/common/settings_page.py" line="170"/>
        <source>Never</source>
        <translation>Nunca</translation>
    </message>
    <message>
        <location filename="../../ui/common/settings_page.py" line="173"/>
        <source>Set a &amp;duress passphrase…</source>
        <translation>Poner una frase de &amp;coacción…</translation>
    </message>
    <message>
        <location filename="../../ui/common/settings_page.py" line="174"/>
        <source>&amp;Back up now…</source>
        <translation>Hacer una copia de &amp;seguridad…</translation>
    </message>
    <message>
        <location filename="../../ui/common/settings_page.py" line="226"/>
        <source>Last backup: %1</source>
        <translation>Última copia de seguridad: %1</translation>
    </message>
    <message>
        <location filename="../../ui/common/settings_page.py" line="228"/>
        <source>No backup yet.</source>
        <translation>Aún no hay copia de seguridad.</translation>
    </message>
    <message>
        <location filename="../../ui/common/settings_page.py" line="231"/>
        <source>It is time to make a backup: a lost or seized laptop would take everything recorded since.</source>
        <translation>Es hora de hacer una copia de seguridad: una computadora perdida o incautada se llevaría todo lo registrado desde entonces.</translation>
    </message>
    <message>
        <location filename="../../ui/common/settings_page.py" line="238"/>
        <source>Passphrase</source>
        <translation>Frase de paso</translation>
    </message>
    <message>
        <location filename="../../ui/common/settings_page.py" line="244"/>
        <source>Your passphrase, to change this setting:</source>
        <translation>Su frase de paso, para cambiar este ajuste:</translation>
    </message>
    <message>
        <location filename="../../ui/common/settings_page.py" line="251"/>
        <source>Your passphrase:</source>
        <translation>Su frase de paso:</translation>
    </message>
    <message>
        <location filename="../../ui/common/settings_page.py" line="254"/>
        <source>The duress passphrase (it opens a new, empty decoy vault; fill it with ordinary notes):</source>
        <translation>La frase de coacción (abre una bóveda señuelo nueva y vacía; llénela con notas corrientes):</translation>
    </message>
    <message>
        <location filename="../../ui/common/settings_page.py" line="260"/>
        <source>The duress passphrase again:</source>
        <translation>La frase de coacción otra vez:</translation>
    </message>
    <message>
        <location filename="../../ui/common/settings_page.py" line="261"/>
        <location filename="../../ui/common/settings_page.py" line="286"/>
        <source>The two passphrases differ.</source>
        <translation>Las dos frases no coinciden.</translation>
    </message>
    <message>
        <location filename="../../ui/common/settings_page.py" line="266"/>
        <source>Duress passphrase</source>
        <translation>Frase de coacción</translation>
    </message>
    <message>
        <location filename="../../ui/common/settings_page.py" line="268"/>
        <source>When the duress passphrase is used, also destroy this vault&apos;s real key without a trace?</source>
        <translation>Cuando se use la frase de coacción, ¿destruir también la clave real de esta bóveda sin dejar rastro?</translation>
    </message>
    <message>
        <location filename="../../ui/common/settings_page.py" line="278"/>
        <source>Back up to</source>
        <translation>Guardar la copia en</translation>
    </message>
    <message>
        <location filename="../../ui/common/settings_page.py" line="278"/>
        <source>Backups (*.age)</source>
        <translation>Copias de seguridad (*.age)</translation>
    </message>
    <message>
        <location filename="../../ui/common/settings_page.py" line="282"/>
        <source>A passphrase for the backup (keep it apart from it):</source>
        <translation>Una frase para la copia (guárdela aparte de ella):</translation>
    </message>
    <message>
        <location filename="../../ui/common/settings_page.py" line="285"/>
        <source>The backup passphrase again:</source>
        <translation>La frase de la copia otra vez:</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/common/settings_page.py" line="172"/>
        <source>After %n wrong passphrases</source>
        <translation>
            <numerusform>Tras %n frase incorrecta</numerusform>
            <numerusform>Tras %n frases incorrectas</numerusform>
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
        <translation>&amp;Idioma</translation>
    </message>
    <message>
        <location filename="../../ui/common/settings_page.py" line="141"/>
        <source>&amp;Lock after (minutes idle)</source>
        <translation>&amp;Bloquear tras (minutos sin uso)</translation>
    </message>
    <message>
        <location filename="../../ui/common/settings_page.py" line="142"/>
        <source>&amp;Discreet mode (neutral window title and icon)</source>
        <translation>Modo &amp;discreto (título e icono neutros)</translation>
    </message>
    <message>
        <location filename="../../ui/common/settings_page.py" line="143"/>
        <source>&amp;Connection</source>
        <translation>&amp;Conexión</translation>
    </message>
    <message>
        <location filename="../../ui/common/settings_page.py" line="144"/>
        <source>SOCKS &amp;proxy</source>
        <translation>&amp;Proxy SOCKS</translation>
    </message>
    <message>
        <location filename="../../ui/common/settings_page.py" line="151"/>
        <source>Direct (HTTPS)</source>
        <translation>Directa (HTTPS)</translation>
    </message>
    <message>
        <location filename="../../ui/common/settings_page.py" line="152"/>
        <source>Tor (%1)</source>
        <translation>Tor (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/common/settings_page.py" line="153"/>
        <source>SOCKS proxy</source>
        <translation>Proxy SOCKS</translation>
    </message>
    <message>
        <location filename="../../ui/common/settings_page.py" line="157"/>
        <source>&amp;Send and receive by itself when a connection is there</source>
        <translation>Enviar y recibir au&amp;tomáticamente cuando haya conexión</translation>
    </message>
    <message>
        <location filename="../../ui/common/settings_page.py" line="159"/>
        <source>Emergency</source>
        <translation>Emergencia</translation>
    </message>
    <message>
        <location filename="../../ui/common/settings_page.py" line="162"/>
        <source>Destroys the keys of this vault at once. Nothing recorded here can be opened again, by anyone.</source>
        <translation>Destruye de inmediato las claves de esta bóveda. Nadie podrá volver a abrir nada de lo registrado aquí.</translation>
    </message>
    <message>
        <location filename="../../ui/common/settings_page.py" line="166"/>
        <source>Emergency &amp;wipe…</source>
        <translation>&amp;Borrado de emergencia…</translation>
    </message>
</context>
<context>
    <name>SharePage</name>
    <message>
        <location filename="../../ui/reporter/share_page.py" line="230"/>
        <source>Names, contacts, private notes, the exact place and coordinates never leave. Free text, the exact date and the municipality leave only if you allowed it in the Consent tab.</source>
        <translation>Los nombres, contactos, notas privadas, el lugar exacto y las coordenadas nunca salen. El texto libre, la fecha exacta y el municipio salen solo si lo permitió en la pestaña Consentimiento.</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/share_page.py" line="235"/>
        <source>Send to the &amp;outbox</source>
        <translation>Enviar a la &amp;bandeja de salida</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/share_page.py" line="238"/>
        <source>&amp;Files to send with it (none unless you tick them; names never leave, and each file leaves without its metadata: the table says what is removed):</source>
        <translation>&amp;Archivos que se envían con él (ninguno si no los marca; los nombres nunca salen y cada archivo sale sin sus metadatos: la tabla dice qué se quita):</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/share_page.py" line="242"/>
        <source>Files to send</source>
        <translation>Archivos que se envían</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/share_page.py" line="243"/>
        <source>Show the &amp;exact record that leaves</source>
        <translation>Ver el registro &amp;exacto que sale</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/share_page.py" line="244"/>
        <source>S&amp;how:</source>
        <translation>&amp;Mostrar:</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/share_page.py" line="249"/>
        <source>every field</source>
        <translation>todos los campos</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/share_page.py" line="249"/>
        <source>only what leaves</source>
        <translation>solo lo que sale</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/share_page.py" line="249"/>
        <source>only what stays here</source>
        <translation>solo lo que se queda aquí</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/share_page.py" line="253"/>
        <source>Recorded and shared, field by field</source>
        <translation>Lo registrado y lo compartido, campo por campo</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/share_page.py" line="254"/>
        <source>The exact record that leaves</source>
        <translation>El registro exacto que sale</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/share_page.py" line="383"/>
        <source>Share a draft?</source>
        <translation>¿Compartir un borrador?</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/share_page.py" line="386"/>
        <source>This incident is still a draft. Once it is sealed and sent it cannot be called back. Share it as it is now?</source>
        <translation>Este incidente sigue siendo un borrador. Una vez sellado y enviado no se puede recuperar. ¿Compartirlo tal como está?</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/share_page.py" line="390"/>
        <source>&amp;Share it</source>
        <translation>&amp;Compartirlo</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/share_page.py" line="391"/>
        <source>&amp;Not now</source>
        <translation>A&amp;hora no</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/share_page.py" line="406"/>
        <source>Not shared: the draft stays here.</source>
        <translation>No se compartió: el borrador se queda aquí.</translation>
    </message>
    <message>
        <location filename="../../ui/reporter/share_page.py" line="430"/>
        <source>Sealed and waiting in the outbox.</source>
        <translation>Sellado y esperando en la bandeja de salida.</translation>
    </message>
</context>
<context>
    <name>SpywarePage</name>
    <message>
        <location filename="../../ui/coordinator/spyware_page.py" line="56"/>
        <source>Documented cases, not prevalence. An attempt or an infection counts only when confirmed (a forensic check such as MVT or a lab); suspected ones are shown apart and never as confirmed. The suspected operator is what the report says, with its level of attribution.</source>
        <translation>Casos documentados, no prevalencia. Un intento o una infección cuenta solo si se confirmó (una revisión forense como MVT o un laboratorio); los sospechados se muestran aparte y nunca como confirmados. El operador sospechado es lo que dice el reporte, con su nivel de atribución.</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/spyware_page.py" line="80"/>
        <source>reports</source>
        <translation>reportes</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/spyware_page.py" line="80"/>
        <source>events</source>
        <translation>hechos</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/spyware_page.py" line="69"/>
        <source>By compromise status</source>
        <translation>Por estado de compromiso</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/spyware_page.py" line="70"/>
        <source>By detection source</source>
        <translation>Por fuente de detección</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/spyware_page.py" line="71"/>
        <source>By vector</source>
        <translation>Por vector</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/spyware_page.py" line="72"/>
        <source>By spyware family</source>
        <translation>Por familia de spyware</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/spyware_page.py" line="73"/>
        <source>By suspected operator</source>
        <translation>Por operador sospechado</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/spyware_page.py" line="74"/>
        <source>By attribution level</source>
        <translation>Por nivel de atribución</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/spyware_page.py" line="83"/>
        <source>Targets: &lt;b&gt;{targets}&lt;/b&gt; → confirmed attempts: &lt;b&gt;{attempts}&lt;/b&gt; → confirmed infections: &lt;b&gt;{infections}&lt;/b&gt; ({unit}). Suspected, not confirmed: {suspected}.</source>
        <translation>Objetivos: &lt;b&gt;{targets}&lt;/b&gt; → intentos confirmados: &lt;b&gt;{attempts}&lt;/b&gt; → infecciones confirmadas: &lt;b&gt;{infections}&lt;/b&gt; ({unit}). Sospechosos, sin confirmar: {suspected}.</translation>
    </message>
</context>
<context>
    <name>UnlockWindow</name>
    <message>
        <location filename="../../ui/common/unlock.py" line="66"/>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <location filename="../../ui/common/unlock.py" line="67"/>
        <source>Enter your passphrase.</source>
        <translation>Escriba su frase de paso.</translation>
    </message>
    <message>
        <location filename="../../ui/common/unlock.py" line="69"/>
        <source>Testigo: locked</source>
        <translation>Testigo: bloqueado</translation>
    </message>
    <message>
        <location filename="../../ui/common/unlock.py" line="70"/>
        <source>Enter your passphrase to open Testigo.</source>
        <translation>Escriba su frase de paso para abrir Testigo.</translation>
    </message>
    <message>
        <location filename="../../ui/common/unlock.py" line="71"/>
        <source>&amp;Unlock</source>
        <translation>&amp;Desbloquear</translation>
    </message>
    <message>
        <location filename="../../ui/common/unlock.py" line="72"/>
        <source>Passphrase</source>
        <translation>Frase de paso</translation>
    </message>
    <message>
        <location filename="../../ui/common/unlock.py" line="73"/>
        <source>Restore from a backup…</source>
        <translation>Restaurar una copia de seguridad…</translation>
    </message>
    <message>
        <location filename="../../ui/common/unlock.py" line="101"/>
        <source>Restored. Open it with the passphrase it had when the backup was made (not the backup passphrase).</source>
        <translation>Restaurada. Ábrala con la frase de paso que tenía cuando se hizo la copia (no con la frase de la copia).</translation>
    </message>
    <message>
        <location filename="../../ui/common/unlock.py" line="140"/>
        <source>Wrong passphrase.</source>
        <translation>Frase de paso incorrecta.</translation>
    </message>
    <message>
        <location filename="../../ui/common/unlock.py" line="142"/>
        <source>Wait {s} s before trying again.</source>
        <translation>Espere {s} s antes de volver a intentarlo.</translation>
    </message>
</context>
<context>
    <name>Words</name>
    <message>
        <location filename="../../ui/coordinator/inbox_page.py" line="406"/>
        <source>new</source>
        <translation>nuevo</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/inbox_page.py" line="407"/>
        <source>in review</source>
        <translation>en revisión</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/inbox_page.py" line="408"/>
        <source>needs info</source>
        <translation>falta información</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/inbox_page.py" line="409"/>
        <source>done</source>
        <translation>terminado</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/inbox_page.py" line="410"/>
        <source>unverified</source>
        <translation>sin verificar</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/inbox_page.py" line="411"/>
        <source>corroborated</source>
        <translation>corroborado</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/inbox_page.py" line="412"/>
        <source>forensically confirmed</source>
        <translation>confirmado forensemente</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/inbox_page.py" line="413"/>
        <source>pending</source>
        <translation>pendiente</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/inbox_page.py" line="414"/>
        <source>counted</source>
        <translation>contado</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/inbox_page.py" line="415"/>
        <source>excluded</source>
        <translation>excluido</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/inbox_page.py" line="416"/>
        <source>duplicate</source>
        <translation>duplicado</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/inbox_page.py" line="417"/>
        <source>out of scope</source>
        <translation>fuera de alcance</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/inbox_page.py" line="418"/>
        <source>not credible</source>
        <translation>no creíble</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/inbox_page.py" line="419"/>
        <source>withdrawn</source>
        <translation>retirado</translation>
    </message>
    <message>
        <location filename="../../ui/coordinator/inbox_page.py" line="420"/>
        <source>other</source>
        <translation>otro</translation>
    </message>
</context>
</TS>
