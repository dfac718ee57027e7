"""The brand kit in the Strategy tab: client, logo, accent, pillar colours and font."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from cxroadmap.domain.brand import BrandKit
from cxroadmap.domain.brand_edits import SetBrand
from cxroadmap.domain.edits import Change
from cxroadmap.domain.errors import ValidationError
from cxroadmap.ui.document import OpenDocument
from cxroadmap.ui.field_editors import CommitTextEdit
from cxroadmap.ui.naming import named

MAX_LOGO_PREVIEW = 48


def colours_text(colours: dict[str, str]) -> str:
    return "\n".join(f"{pillar}: {colour}" for pillar, colour in colours.items())


def colours_from_text(text: str) -> dict[str, str]:
    """`training: #ff8800` lines as {pillar: colour}; a line without ':' is an error."""
    out: dict[str, str] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        pillar, sep, value = line.partition(":")
        if not sep:
            raise ValidationError(f"brand.pillar_colours line {number}", "write pillar: #rrggbb")
        out[pillar.strip()] = value.strip()
    return out


class BrandBox(QGroupBox):
    """Each field commits one undoable SetBrand when the user leaves it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Brand kit (PDF, PowerPoint, images, presenting)", parent)
        self.setObjectName("brand_box")
        self.document: OpenDocument | None = None
        self._loading = False
        form = QFormLayout(self)
        self.client_edit = named(QLineEdit(), "brand_client")
        self.client_edit.setPlaceholderText("Acme Telecom")
        self.accent_edit = named(QLineEdit(), "brand_accent")
        self.accent_edit.setPlaceholderText("#12355b (blank: the app's own)")
        self.font_edit = named(QLineEdit(), "brand_font")
        self.font_edit.setPlaceholderText("Arial")
        self.colours_edit = named(CommitTextEdit(), "brand_pillar_colours")
        self.colours_edit.setPlaceholderText("training: #ff8800\nleadership: #123456")
        self.colours_edit.setFixedHeight(70)
        self.logo_preview = named(QLabel("No logo"), "brand_logo_preview")
        self.logo_button = named(QPushButton("Choose…"), "brand_logo_choose")
        self.logo_clear = named(QPushButton("Remove"), "brand_logo_remove")
        logo_row = QHBoxLayout()
        logo_row.addWidget(self.logo_preview, 1)
        logo_row.addWidget(self.logo_button)
        logo_row.addWidget(self.logo_clear)
        form.addRow("Client", self.client_edit)
        form.addRow("Logo", logo_row)
        form.addRow("Accent colour", self.accent_edit)
        form.addRow("Pillar colours", self.colours_edit)
        form.addRow("Font family", self.font_edit)
        for edit in (self.client_edit, self.accent_edit, self.font_edit, self.colours_edit):
            edit.editingFinished.connect(self.commit)  # the colours too, when left
        self.logo_button.clicked.connect(self.choose_logo)
        self.logo_clear.clicked.connect(lambda: self.set_logo(b""))

    def set_document(self, document: OpenDocument | None) -> None:
        if self.document is not None:
            self.document.changed.disconnect(self._changed)
        self.document = document
        if document is not None:
            document.changed.connect(self._changed)
        self.refresh()

    def _changed(self, change: Change) -> None:
        if change.strategy:
            self.refresh()

    def refresh(self) -> None:
        doc = self.document
        brand = doc.strategy.brand if doc is not None else BrandKit()
        self._loading = True
        try:
            self.client_edit.setText(brand.client)
            self.accent_edit.setText(brand.accent)
            self.font_edit.setText(brand.font)
            text = colours_text(brand.pillar_colours)
            if self.colours_edit.toPlainText() != text:
                self.colours_edit.setPlainText(text)
            pixmap = QPixmap()
            if brand.logo and pixmap.loadFromData(brand.logo):
                self.logo_preview.setPixmap(
                    pixmap.scaledToHeight(
                        MAX_LOGO_PREVIEW, Qt.TransformationMode.SmoothTransformation
                    )
                )
            else:
                self.logo_preview.setText("No logo")
            editable = doc is not None and not doc.readonly
            for widget in (self.client_edit, self.accent_edit, self.font_edit):
                widget.setReadOnly(not editable)
            self.colours_edit.setReadOnly(not editable)
            self.logo_button.setEnabled(editable)
            self.logo_clear.setEnabled(editable and bool(brand.logo))
        finally:
            self._loading = False

    def edited(self) -> BrandKit:
        """The kit as the fields show it (the logo as stored)."""
        doc = self.document
        logo = doc.strategy.brand.logo if doc is not None else b""
        return BrandKit(
            self.client_edit.text(),
            logo,
            self.accent_edit.text(),
            colours_from_text(self.colours_edit.toPlainText()),
            self.font_edit.text(),
        )

    def commit(self) -> bool:
        doc = self.document
        if self._loading or doc is None or doc.readonly:
            return False
        try:
            kit = self.edited()
        except ValidationError as exc:
            return doc.refuse(str(exc))
        return self._apply(kit)

    def _apply(self, kit: BrandKit) -> bool:
        doc = self.document
        assert doc is not None
        from cxroadmap.domain.brand import check_brand

        try:
            if check_brand(kit) == doc.strategy.brand:
                return False
        except ValidationError:
            pass  # SetBrand refuses it with the message
        done = doc.apply(SetBrand(kit))
        if not done:
            self.refresh()
        return done

    def set_logo(self, data: bytes) -> bool:
        doc = self.document
        if doc is None or doc.readonly:
            return False
        return self._apply(dataclasses.replace(doc.strategy.brand, logo=data))

    def choose_logo(self) -> bool:
        path, _ = QFileDialog.getOpenFileName(
            self, "Choose the client's logo", "", "Images (*.png *.jpg *.jpeg *.gif)"
        )
        if not path:
            return False
        try:
            data = Path(path).read_bytes()
        except OSError as exc:
            assert self.document is not None
            return self.document.refuse(f"{path}: {exc.strerror or exc}")
        return self.set_logo(data)
