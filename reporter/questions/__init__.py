"""Questions back to the reporter (issue 16): a coordinator asks about one received report.

The question is signed by the coalition key and sealed to the receipt key the device put in
its bundle, so the relay carries bytes it can neither read nor forge and the device shows
it as from "the coalition", never a person. The answer rides in the incident's next bundle.

This package is the coordinator's side (asking, above the inbox). The device's side, whose
answers a bundle carries, is ``reporter.share.device_questions`` and the document both check
is ``reporter.share.question_document``, below sharing.
"""
