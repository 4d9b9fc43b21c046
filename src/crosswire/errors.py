"""One exception hierarchy with stable codes. Every message says what to do about it."""

from __future__ import annotations


class CrosswireError(Exception):
    """Base of every error crosswire raises on purpose. `code` is stable across versions."""

    code = "error"

    def __init__(self, message: str, *, path: str | None = None, stage: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.stage = stage

    def as_dict(self) -> dict[str, str | None]:
        return {"code": self.code, "message": self.message, "path": self.path, "stage": self.stage}


class InputError(CrosswireError):
    """A report cannot be read; the batch goes on and the input is recorded in `rejects`."""

    code = "input"


class EmptyInput(InputError):
    code = "input.empty"


class BinaryInput(InputError):
    code = "input.binary"


class EncodingError(InputError):
    code = "input.encoding"


class TooLarge(InputError):
    code = "input.too_large"


class CorruptInput(InputError):
    code = "input.corrupt"


class UnsupportedFormat(InputError):
    code = "input.unsupported"


class MissingInput(InputError):
    """An input path given by the user does not exist."""

    code = "input.missing"


class OutsideInput(InputError):
    """A symlink inside an input folder leads outside it."""

    code = "input.outside"


class OutputError(CrosswireError):
    """A report or export cannot be written where asked."""

    code = "output"


class StageError(CrosswireError):
    """A stage failed on a report or broke its contract."""

    code = "stage.failed"


class StageContractError(StageError):
    code = "stage.contract"


class PipelineConfigError(CrosswireError):
    """The pipeline cannot be built as asked (unknown stage, missing requirement)."""

    code = "pipeline.config"


class StoreError(CrosswireError):
    code = "store"


class ConfigError(CrosswireError):
    code = "config"


class ModelMissing(CrosswireError):
    """A pinned model package is not installed."""

    code = "model.missing"
