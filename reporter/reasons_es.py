"""Spanish for the reasons an invalid value is refused (InvalidField's ``reason``).

The reasons are written in English where they are raised, next to the check they describe;
this table says each of them in Spanish, so the app and the CLI refuse in the reader's
language. A test finds every literal reason in the code and fails if one is missing here.
"""

from __future__ import annotations

import re

# (English pattern, Spanish replacement); patterns match the whole reason.
_REASONS: list[tuple[str, str]] = [
    (r"must be a JSON object", "debe ser un objeto JSON"),
    (r"is required", "es obligatorio"),
    (r"ends before it starts", "termina antes de empezar"),
    (r"DAY needs a full date YYYY-MM-DD", "DAY necesita una fecha completa AAAA-MM-DD"),
    (r"use HH:MM \(24 h\)", "use HH:MM (24 h)"),
    (r"needs numeric lat and lon", "necesita lat y lon numéricas"),
    (r"out of range", "fuera de rango"),
    (r"an ISO 3166-1 alpha-2 code such as MX", "un código ISO 3166-1 alfa-2, como MX"),
    (r"an INEGI 5-digit code, e\.g\. 09015", "una clave INEGI de 5 dígitos, p. ej. 09015"),
    (
        r"must belong to the state \(first two digits\)",
        "debe ser del estado elegido (los dos primeros dígitos)",
    ),
    (
        r"Mexican states apply only when the country is MX",
        "los estados de México solo valen si el país es MX",
    ),
    (r"must be true or false", "debe ser verdadero o falso"),
    (r"a level applies only to state actors", "el nivel solo vale para actores estatales"),
    (r"contains control characters", "contiene caracteres de control"),
    (r"must be a code", "debe ser una clave"),
    (r"must be a list", "debe ser una lista"),
    (r"must be an object", "debe ser un objeto"),
    (r"must be text", "debe ser texto"),
    (r"no such date", "esa fecha no existe"),
    (r"use YYYY-MM-DD \(or YYYY-MM, YYYY\)", "use AAAA-MM-DD (o AAAA-MM, AAAA)"),
    (r"year before 1900", "año anterior a 1900"),
    (r"longer than (\d+) characters", r"más de \1 caracteres"),
    (r"more than (\d+) items", r"más de \1 elementos"),
    (r"unknown keys (.*); allowed: (.*)", r"claves desconocidas: \1; se admiten: \2"),
    (r"choose at least one incident", "elija al menos un incidente"),
    (r"hybrid or x25519", "hybrid o x25519"),
    (r"is a directory; name a file", "es una carpeta; indique un archivo"),
    (
        r"needs the columns NOM_MUN and CVE_ENT \+ CVE_MUN \(or CVEGEO\), as INEGI publishes them",
        "necesita las columnas NOM_MUN y CVE_ENT + CVE_MUN (o CVEGEO), como las publica el INEGI",
    ),
    (r"no municipalities in it", "no contiene municipios"),
    (r"not UTF-8 or Windows-1252 text", "no es texto UTF-8 ni Windows-1252"),
    (r"not a municipality row", "no es una fila de municipio"),
    (r"the name is empty or not text", "el nombre está vacío o no es texto"),
    (r"too large to show; extract it", "demasiado grande para mostrarlo; extráigalo"),
    (r"'(.*)' is not an INEGI code", r"'\1' no es una clave INEGI"),
    (r"cannot set (.*)", r"no se puede cambiar \1"),
    (r"larger than (\d+) MiB", r"mayor de \1 MiB"),
    (r"more than (\d+) municipalities", r"más de \1 municipios"),
    (r"one of (.*)", r"uno de: \1"),
    (r"this coalition uses (.*)", r"esta coalición usa \1"),
    (r"two names for (.*)", r"dos nombres para \1"),
    (r"unknown consent (.*)", r"consentimiento desconocido: \1"),
    # technical indicators, checked as the person types
    (r"not a valid domain name", "no es un nombre de dominio válido"),
    (
        r"a domain needs at least a name and a top-level domain",
        "un dominio necesita al menos un nombre y un dominio de nivel superior",
    ),
    (r"not a valid URL", "no es una URL válida"),
    (
        r"a URL must start with http:// or https:// and name a host",
        "una URL debe empezar con http:// o https:// y nombrar un servidor",
    ),
    (r"not a valid e-mail address", "no es una dirección de correo válida"),
    (
        r"a phone number has 7 to 15 digits, optionally with a leading \+",
        "un número de teléfono tiene de 7 a 15 dígitos, con un + al inicio si se quiere",
    ),
    (
        r"a file hash is hexadecimal MD5, SHA-1, SHA-256 or SHA-512",
        "un hash de archivo es MD5, SHA-1, SHA-256 o SHA-512 en hexadecimal",
    ),
    (
        r"a process name is printable text without '/'",
        "un nombre de proceso es texto imprimible sin '/'",
    ),
    (
        r"an app identifier looks like com\.example\.app",
        "un identificador de app tiene la forma com.example.app",
    ),
    (r"the value is empty", "el valor está vacío"),
    # relay enrollment
    (r"not an enrollment token \(tt1-\.\.\.\)", "no es un código de inscripción (tt1-...)"),
    # received records, checked against the shared-version schema (reporter/inbox)
    (r"unknown vocabulary version", "versión de vocabulario desconocida"),
    (r"not an X25519 age recipient", "no es un destinatario age X25519"),
    (r"not a code of this vocabulary", "no es una clave de este vocabulario"),
    (r"missing keys (.*)", r"faltan las claves: \1"),
    (r"must be a whole number from (\d+) to (\d+)", r"debe ser un número entero de \1 a \2"),
    (r"use YYYY, YYYY-MM, YYYY-MM-DD or YYYY-Www", "use AAAA, AAAA-MM, AAAA-MM-DD o AAAA-Www"),
    (r"finer than its precision", "más precisa de lo que dice su precisión"),
    (r"must be day, week or month", "debe ser day, week o month"),
    (r"set exactly when there is a date", "se indica solo cuando hay fecha"),
    (r"a victim's indicator is never shared", "un indicador de la víctima nunca se comparte"),
    (r"not in normalized form", "no está en forma normalizada"),
    (r"do not match the bundle's attachments", "no coinciden con los archivos del paquete"),
    (r"unsupported shared version", "versión compartida no admitida"),
    (r"not an incident id", "no es un identificador de incidente"),
    (r"the same incident twice", "el mismo incidente dos veces"),
    (
        r"another device already sent a bundle with that id",
        "otro dispositivo ya envió un paquete con ese identificador",
    ),
    (
        r"the relay sent a malformed list of bundles",
        "el servidor de relevo envió una lista de paquetes mal formada",
    ),
    (
        r"the relay sent a malformed answer",
        "el servidor de relevo envió una respuesta mal formada",
    ),
    (r"the relay sent a malformed list", "el servidor de relevo envió una lista mal formada"),
    (r"the relay sent malformed messages", "el servidor de relevo envió mensajes mal formados"),
    # relay URLs (reporter/share/relay_url.py)
    (
        r"a relay is a URL of at most 300 characters",
        "un servidor de relevo es una URL de 300 caracteres como máximo",
    ),
    (r"contains whitespace or control characters", "contiene espacios o caracteres de control"),
    (r"contains a backslash", "contiene una barra invertida"),
    (r"a relay URL has no query or fragment", "una URL de relevo no lleva consulta ni fragmento"),
    (
        r"a relay URL starts with https:// \(http:// only for \.onion or loopback\)",
        "una URL de relevo empieza con https:// (http:// solo para .onion o la propia máquina)",
    ),
    (
        r"a relay URL has no user name or password",
        "una URL de relevo no lleva usuario ni contraseña",
    ),
    (r"the port is not a number from 1 to 65535", "el puerto no es un número de 1 a 65535"),
    (
        r"the path has characters a URL cannot hold",
        "la ruta tiene caracteres que una URL no admite",
    ),
    (r"a relay URL names a host", "una URL de relevo nombra un servidor"),
    (r"not a valid IPv6 address", "no es una dirección IPv6 válida"),
    (
        r"the host has characters a URL cannot hold",
        "el nombre del servidor tiene caracteres que una URL no admite",
    ),
    (r"not a valid international domain name", "no es un nombre de dominio internacional válido"),
    (r"the two URL parsers disagree", "los dos analizadores de URL no coinciden"),
    (
        r"plain http:// is allowed only for \.onion and loopback relays",
        "http:// sin cifrar solo se admite para servidores .onion o en la propia máquina",
    ),
    # CLI output
    (
        r"holds a number that is not finite \(NaN or Infinity\)",
        "contiene un número que no es finito (NaN o Infinity)",
    ),
    # signed releases (reporter/release.py)
    (r"signed by another key", "firmado con otra clave"),
    (r"the file does not match its signature", "el archivo no coincide con su firma"),
    (r"the trusted comment was changed", "se cambió el comentario de confianza"),
    (r"not valid base64", "no es base64 válido"),
    (r"wrong length", "longitud incorrecta"),
    (
        r"expected a comment line and a key line",
        "se esperaba una línea de comentario y una línea de clave",
    ),
    (r"not an Ed25519 minisign key", "no es una clave Ed25519 de minisign"),
    (r"it is encrypted: sign with minisign itself", "está cifrada: firme con el propio minisign"),
    (r"unknown key encryption", "cifrado de clave desconocido"),
    (r"checksum mismatch", "la suma de comprobación no coincide"),
    (r"not UTF-8 text", "no es texto UTF-8"),
    (r"too long or more than one line", "demasiado largo o de más de una línea"),
    (
        r"expected four lines: comment, signature, trusted comment, signature",
        "se esperaban cuatro líneas: comentario, firma, comentario de confianza, firma",
    ),
    (r"unknown signature algorithm", "algoritmo de firma desconocido"),
    (r"trusted comment too long", "comentario de confianza demasiado largo"),
    # evidence packets (reporter/exports/packet.py)
    (r"a file name appears twice in the packet", "un nombre de archivo aparece dos veces"),
    (r"a file name leaves the packet", "un nombre de archivo sale del paquete"),
    (r"a packet file is a symbolic link", "un archivo del paquete es un enlace simbólico"),
    (r"the packet has no manifest or no signature", "al paquete le falta el manifiesto o la firma"),
    (
        r"the manifest's signature does not verify with the coalition's key",
        "la firma del manifiesto no se verifica con la clave de la coalición",
    ),
    (r"the manifest is not a packet manifest", "el manifiesto no es de un paquete"),
    (r"a file not in the manifest was added", "se agregó un archivo que no está en el manifiesto"),
    (r"a file of the manifest is missing", "falta un archivo del manifiesto"),
    (r"a file does not match the manifest", "un archivo no coincide con el manifiesto"),
    (r"the zip is damaged", "el zip está dañado"),
    (r"not a zip file", "no es un archivo zip"),
    (r"too many files", "demasiados archivos"),
    (
        r"the neutral data folder holds another program's files",
        "la carpeta de datos neutra contiene archivos de otro programa",
    ),
    (r"excluding a report needs a reason code", "excluir un reporte requiere una clave de motivo"),
    (r"a reason applies only to excluding", "un motivo solo vale al excluir"),
    (r"a report cannot be linked to itself", "un reporte no puede vincularse consigo mismo"),
    (r"use YYYY-MM-DD", "use AAAA-MM-DD"),
    (
        r"the file exists; use --force to replace it",
        "el archivo ya existe; use --force para reemplazarlo",
    ),
    (r"stored content does not match its hash", "el contenido guardado no coincide con su hash"),
    # Metadata cleaning (CannotClean): a file refused rather than shared with its metadata.
    (r"Testigo cannot remove its metadata", "Testigo no puede quitar sus metadatos"),
    (
        r"Testigo cannot remove its metadata; convert it to JPEG or PNG first",
        "Testigo no puede quitar sus metadatos; conviértalo antes a JPEG o PNG",
    ),
    (
        r"larger than (\d+) MiB, the most Testigo cleans",
        r"mide más de \1 MiB, lo máximo que Testigo limpia",
    ),
    (
        r"larger than (\d+) MiB unpacked, the most Testigo cleans",
        r"mide más de \1 MiB descomprimido, lo máximo que Testigo limpia",
    ),
    (r"it is protected by a password", "está protegido con contraseña"),
    (r"it is damaged or not a PDF", "está dañado o no es un PDF"),
    (r"it is damaged", "está dañado"),
    (
        r"it is damaged or of a kind Testigo does not know",
        "está dañado o es de un tipo que Testigo no conoce",
    ),
    (
        r"it carries files inside it; extract and attach them one by one",
        "lleva archivos dentro; extráigalos y adjúntelos uno por uno",
    ),
    (r"it holds too many parts", "tiene demasiadas partes"),
    (
        r"it has comments naming their authors; remove them first",
        "tiene comentarios con el nombre de sus autores; quítelos antes",
    ),
    (
        r"it has comments or tracked changes naming their authors; accept or remove them first",
        "tiene comentarios o cambios registrados con el nombre de sus autores; acéptelos o"
        " quítelos antes",
    ),
    (
        r"the files inside may carry metadata Testigo cannot see; attach them one by one",
        "los archivos que contiene pueden llevar metadatos que Testigo no ve; adjúntelos uno"
        " por uno",
    ),
    (r"a box is cut short", "una caja está cortada"),
    (r"a box's size is out of range", "el tamaño de una caja está fuera de rango"),
    (r"it ends inside a box", "termina dentro de una caja"),
    (r"boxes are nested too deep", "las cajas están anidadas demasiado hondo"),
    (r"it does not start with a file type box", "no empieza con una caja de tipo de archivo"),
    # Import and delete the original.
    (r"it changed while it was being imported", "cambió mientras se importaba"),
    (r"the vault's copy does not match it", "la copia en la bóveda no coincide con él"),
    # Backup and restore.
    (r"not a vault backup", "no es una copia de seguridad de una bóveda"),
    # Receipt files carried back by hand.
    (r"the file cannot be read", "no se puede leer el archivo"),
    (
        r"this device cannot open it: it is for another device, or changed",
        "este dispositivo no puede abrirlo: es para otro dispositivo, o fue modificado",
    ),
    (r"it is for another device", "es para otro dispositivo"),
    (r"it is not signed by the coalition", "no está firmado por la coalición"),
    (r"it was changed or damaged", "fue modificado o está dañado"),
    (r"not a receipt file", "no es un archivo de acuse de recibo"),
    (
        r"no bundle in this outbox has that id",
        "ningún paquete de esta bandeja de salida tiene ese id",
    ),
    # Bundles carried by hand.
    (r"not a folder", "no es una carpeta"),
    # Coalition key epochs (rotation) and profile updates.
    (r"0 to 365 days", "de 0 a 365 días"),
    (r"the epoch is a whole number from 1", "la época es un número entero desde 1"),
    (r"a version 1 profile is epoch 1", "un perfil de versión 1 es de la época 1"),
    (r"at most 100 previous epochs", "como mucho 100 épocas anteriores"),
    (
        r"previous epochs are distinct and older than the epoch",
        "las épocas anteriores son distintas y menores que la época",
    ),
    (
        r"accepted_until is a UTC time YYYY-MM-DDTHH:MM:SSZ",
        "accepted_until es una hora UTC AAAA-MM-DDTHH:MM:SSZ",
    ),
    (r"previous_epochs is a list", "previous_epochs es una lista"),
    (
        r"a previous epoch has exactly epoch and accepted_until",
        "una época anterior tiene exactamente epoch y accepted_until",
    ),
    (
        r"no coordinator to send the epoch keys to",
        "no hay ningún coordinador a quien enviar las claves de la época",
    ),
    (r"not a Testigo epoch keys object", "no es un objeto de claves de época de Testigo"),
    (r"a field is not valid base64", "un campo no es base64 válido"),
    (
        r"these epoch keys are not signed by this vault's coalition",
        "estas claves de época no están firmadas por la coalición de esta bóveda",
    ),
    (
        r"the epoch keys' signature does not verify",
        "la firma de las claves de época no se verifica",
    ),
    (
        r"the profile is not the one these keys are for",
        "el perfil no es aquel al que corresponden estas claves",
    ),
    (r"epochs is a list", "epochs es una lista"),
    (r"an epoch has exactly epoch and identity", "una época tiene exactamente epoch e identity"),
    (r"an epoch is a whole number from 1", "una época es un número entero desde 1"),
    (r"an identity is an age identity string", "una identidad es una identidad de age"),
    (
        r"epoch keys belong in a coordinator vault",
        "las claves de época van en una bóveda de coordinación",
    ),
    (r"this vault trusts no coalition yet", "esta bóveda aún no confía en ninguna coalición"),
    (
        r"a different coalition key signed the relay's profile",
        "otra clave de coalición firmó el perfil del relay",
    ),
    # Questions back to the reporter (reporter/questions).
    (r"a template or a text, not both", "una pregunta de la lista o un texto, no ambos"),
    (r"ask something or request something", "pregunte algo o pida algo"),
    (r"not a question template", "no es una pregunta de la lista"),
    (r"day, municipality or file, each once", "día, municipio o archivo, cada uno una vez"),
    (r"too long for a question", "demasiado largo para una pregunta"),
    (r"unexpected fields", "campos inesperados"),
    (r"not a padded question", "no es una pregunta con relleno"),
    (r"too large", "demasiado grande"),
    (r"unreadable", "ilegible"),
    (r"the question is for another device", "la pregunta es para otro dispositivo"),
    (
        r"the question is not signed by the coalition",
        "la pregunta no está firmada por la coalición",
    ),
    (
        r"the question is about an incident this device did not send",
        "la pregunta es sobre un incidente que este dispositivo no envió",
    ),
    (r"the question came with another upload", "la pregunta llegó con otro envío"),
    (
        r"write an answer or share what was asked",
        "escriba una respuesta o comparta lo que se pidió",
    ),
    (r"present only when there are answers", "solo aparece cuando hay respuestas"),
    (r"32 hex digits", "32 dígitos hexadecimales"),
    (r"the same question twice", "la misma pregunta dos veces"),
    (r"an answer has a text or shared fields", "una respuesta tiene un texto o campos compartidos"),
    (r"a break names a member id", "una interrupción nombra un id de miembro"),
    (r"a break names whose claim it broke", "una interrupción nombra de quién era la revisión"),
    (
        r"a card has id, name, signing_key and recipient",
        "una tarjeta tiene id, name, signing_key y recipient",
    ),
    (r"a claim says until when", "una revisión dice hasta cuándo"),
    (
        r"a claim's end is a UTC time to the minute",
        "el fin de una revisión es una hora UTC al minuto",
    ),
    (r"a link is a kind and another report", "un vínculo es un tipo y otro reporte"),
    (
        r"a link is kept on the smaller of two report ids",
        "un vínculo se guarda en el menor de los dos ids",
    ),
    (
        r"a member has id, name, signing_key, recipient, added_serial, removed",
        "un miembro tiene id, name, signing_key, recipient, added_serial, removed",
    ),
    (r"a member is listed twice", "un miembro aparece dos veces"),
    (
        r"a member's serials do not fit the roster's",
        "los números de serie de un miembro no corresponden a los de la lista",
    ),
    (r"a release has no value", "una liberación no lleva valor"),
    (
        r"a removal has serial, last_seq and last_hash",
        "un retiro tiene serial, last_seq y last_hash",
    ),
    (
        r"a shared note has no control characters",
        "una nota compartida no tiene caracteres de control",
    ),
    (
        r"a shared note is 1 to 10000 characters",
        "una nota compartida tiene de 1 a 10000 caracteres",
    ),
    (r"a signed event is the event and its signature", "un evento firmado es el evento y su firma"),
    (r"an event has exactly its fields", "un evento tiene exactamente sus campos"),
    (r"at is a UTC hour", "at es una hora UTC"),
    (r"counting is a state and a reason", "counting es un estado y un motivo"),
    (
        r"excluded needs a reason; only excluded has one",
        "excluido necesita un motivo; solo excluido lo tiene",
    ),
    (r"lamport counts from 1", "lamport cuenta desde 1"),
    (r"last_hash is a SHA-256 in hex", "last_hash es un SHA-256 en hexadecimal"),
    (r"not a Testigo coordinator card", "no es una tarjeta de coordinador de Testigo"),
    (r"not a Testigo coordinator roster", "no es una lista de coordinadores de Testigo"),
    (r"not a Testigo coordination object", "no es un objeto de coordinación de Testigo"),
    (
        r"prev is the previous event's hash \(none for the first\)",
        "prev es el hash del evento anterior (ninguno para el primero)",
    ),
    (r"seq counts from 1", "seq cuenta desde 1"),
    (r"the author is a member id", "el autor es un id de miembro"),
    (r"the id is not derived from the signing key", "el id no se deriva de la clave de firma"),
    (r"the incident id is lower-case", "el id del incidente va en minúsculas"),
    (r"the name is required", "el nombre es obligatorio"),
    (r"the recipient is an age X25519 recipient", "el destinatario es un destinatario age X25519"),
    (r"the signature is 64 bytes of base64", "la firma son 64 bytes en base64"),
    (r"unknown field or operation", "campo u operación desconocidos"),
    (r"unknown fields", "campos desconocidos"),
    (r"unknown link kind", "tipo de vínculo desconocido"),
    (r"unknown or missing fields", "campos desconocidos o faltantes"),
    (r"unknown review state", "estado de revisión desconocido"),
    (r"unknown verification state", "estado de verificación desconocido"),
    (r"at most (\d+) members", r"como máximo \1 miembros"),
    (r"(\w+) has the wrong length", r"\1 tiene una longitud incorrecta"),
    (r"(.+) is a short line of text", r"\1 es una línea corta de texto"),
    (r"(\w+) is a whole number", r"\1 es un número entero"),
    (r"(\w+) is base64", r"\1 va en base64"),
    (r"(\w+) is not valid base64", r"\1 no es base64 válido"),
    (
        r"another coordinator is reviewing this report; break the claim",
        "otra persona coordinadora está revisando este reporte; interrumpa su revisión",
    ),
    (r"events is a list", "events es una lista"),
    (r"that coordinator is already in the roster", "esa persona coordinadora ya está en la lista"),
    (r"that coordinator was already removed", "esa persona coordinadora ya fue retirada"),
    (r"the card's signature does not verify", "la firma de la tarjeta no es válida"),
    (r"the new roster drops or changes a member", "la nueva lista quita o cambia a un miembro"),
    (r"the new roster takes back a removal", "la nueva lista deshace un retiro"),
    (
        r"the padding does not match the object's size",
        "el relleno no corresponde al tamaño del objeto",
    ),
    (
        r"the roster file is signed by another coalition key",
        "el archivo de la lista está firmado por otra clave de coalición",
    ),
    (r"the roster is base64", "la lista va en base64"),
    (
        r"the roster is not signed by this vault's coalition key",
        "la lista no está firmada por la clave de coalición de esta bóveda",
    ),
    (r"the roster's signature does not verify", "la firma de la lista no es válida"),
    (r"this claim is yours; release it instead", "esta revisión es suya; libérela en su lugar"),
    (
        r"this roster is older than the one this vault holds",
        "esta lista es más antigua que la que tiene esta bóveda",
    ),
    (
        r"two different rosters with the same serial",
        "dos listas distintas con el mismo número de serie",
    ),
    (r"from 1 to (\d+) hours", r"de 1 a \1 horas"),
    (r"not a JSON document", "no es un documento JSON"),
    (r"bad creation date", "fecha de creación no válida"),
    # The service key beside the coalition's root key (issue 16, trust root).
    (
        r"the service key is 32 bytes, not the signing key, in a version 2 profile",
        "la clave de servicio tiene 32 bytes, no es la clave de firma y va en un perfil versión 2",
    ),
    (
        r"the service key is not the one the profile names",
        "la clave de servicio no es la que nombra el perfil",
    ),
    (
        r"the packet's coalition profile is not valid",
        "el perfil de coalición del paquete no es válido",
    ),
    (
        r"the packet's coalition profile does not carry this coalition's signature",
        "el perfil de coalición del paquete no lleva la firma de esta coalición",
    ),
    (r"too many pixels to read a QR code in", "demasiados píxeles para leer un código QR"),
    (r"no QR code found in the image", "no se encontró ningún código QR en la imagen"),
    (
        r"the QR code is not an enrollment token",
        "el código QR no es un código de inscripción",
    ),
    (
        r"more than one enrollment token in the image",
        "hay más de un código de inscripción en la imagen",
    ),
    (r"not an image Testigo can read", "no es una imagen que Testigo pueda leer"),
    (
        r"the event's Lamport clock runs too far ahead",
        "el reloj de Lamport del evento se adelanta demasiado",
    ),
    (
        r"one short name in lowercase letters, digits, '\.', '_' or '-'",
        "un solo nombre corto en minúsculas, dígitos, '.', '_' o '-'",
    ),
]
_COMPILED = [(re.compile(pattern), spanish) for pattern, spanish in _REASONS]


def reason_es(reason: str) -> str:
    """The Spanish for ``reason``; an unknown one is returned as it is."""
    for pattern, spanish in _COMPILED:
        match = pattern.fullmatch(reason)
        if match:
            return match.expand(spanish)
    return reason


def has_spanish(reason: str) -> bool:
    return any(pattern.fullmatch(reason) for pattern, _ in _COMPILED)
