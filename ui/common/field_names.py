"""The names people see for record fields, shared by the share table and error dialogs."""

from __future__ import annotations

import functools
import re

from PySide6.QtCore import QObject

_TARGET = re.compile(r"targets\[(\d+)\]\.(\w+)")


class FieldNames(QObject):
    def label(self, path: str) -> str | None:
        """'where.municipality' → 'Municipality'; 'targets[0].names' → 'Person 1: names'."""
        labels = {
            "title": self.tr("Title"),
            "description": self.tr("Description"),
            "incident_types": self.tr("Incident types"),
            "sphere": self.tr("Sphere"),
            "when.date": self.tr("Date"),
            "when.date_end": self.tr("End date"),
            "when.time": self.tr("Time"),
            "when.precision": self.tr("Date precision"),
            "where.state": self.tr("State"),
            "where.municipality": self.tr("Municipality"),
            "where.place": self.tr("Exact place"),
            "where.coordinates": self.tr("Coordinates"),
            "where.location_type": self.tr("Type of place"),
            "profiles": self.tr("profile"),
            "gender": self.tr("gender"),
            "age_band": self.tr("age"),
            "coverage_topics": self.tr("topics covered"),
            "names": self.tr("names"),
            "contact": self.tr("contact"),
            "perpetrators": self.tr("Perpetrators"),
            "digital.vectors": self.tr("Vectors"),
            "digital.compromise_status": self.tr("Compromise"),
            "digital.detection_source": self.tr("Detected by"),
            "digital.platform": self.tr("Platform"),
            "digital.spyware_family": self.tr("Spyware"),
            "indicators": self.tr("Technical indicators"),
            "indicator": self.tr("Technical indicator"),
            "tags": self.tr("Tags"),
            "status": self.tr("Record status"),
            "sensitivity": self.tr("Sensitivity"),
            "private_notes": self.tr("Private notes"),
            "attachments": self.tr("Files"),
        }
        if match := _TARGET.fullmatch(path):
            person = self.tr("Person %1").replace("%1", str(int(match.group(1)) + 1))
            part = labels.get(match.group(2))
            return f"{person}: {part}" if part else None
        return labels.get(path)


@functools.cache
def field_names() -> FieldNames:
    return FieldNames()
