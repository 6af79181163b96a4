"""Questions back to the reporter (issue 16): a coordinator asks about one received report.

The question is signed by the coalition key and sealed to the receipt key the device put in
its bundle, so the relay carries bytes it can neither read nor forge and the device shows
it as from "the coalition", never a person. The answer rides in the incident's next bundle.
"""
