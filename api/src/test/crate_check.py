"""Checks exported crates and PROV documents with the tools the community uses.

Usage: crate_check.py DIR. Each DIR/*.crate.zip is unpacked and loaded with ro-crate-py
(`rocrate`), then checked against the Process Run Crate 0.5 requirements (the MUSTs and the
SHOULDs Reprise promises), and read by `runcrate report`'s loader; each DIR/*.prov.json is read
with `prov`. Prints one JSON object: {name: [problems]} (empty lists when all is well).
"""
import io
import json
import pathlib
import sys
import tempfile
import urllib.parse
import zipfile

from prov.model import ProvDocument
from rocrate.rocrate import ROCrate

PROFILE = "https://w3id.org/ro/wfrun/process/0.5"
STATUSES = {
    "http://schema.org/CompletedActionStatus",
    "http://schema.org/FailedActionStatus",
    "http://schema.org/ActiveActionStatus",
    "http://schema.org/PotentialActionStatus",
}
INSTRUMENT_TYPES = {"SoftwareApplication", "SoftwareSourceCode", "ComputationalWorkflow"}


def types(entity):
    value = entity.type if hasattr(entity, "type") else entity.get("@type")
    return set(value if isinstance(value, list) else [value])


def as_list(value):
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def check_crate(path):
    problems = []
    with tempfile.TemporaryDirectory() as work:
        with zipfile.ZipFile(path) as archive:
            archive.extractall(work)
        crate = ROCrate(work)
        root = crate.root_dataset
        metadata = json.loads((pathlib.Path(work) / "ro-crate-metadata.json").read_text())
        ours = any(isinstance(part, dict) and "reprise" in part for part in as_list(metadata.get("@context")))
        conforms = [c.id if hasattr(c, "id") else c.get("@id") for c in as_list(root.get("conformsTo"))]
        if PROFILE not in conforms:
            problems.append(f"root dataset does not conform to {PROFILE}: {conforms}")
        if crate.metadata.get("conformsTo") is None:
            problems.append("metadata descriptor has no conformsTo")
        actions = [e for e in crate.get_entities() if "CreateAction" in types(e)]
        if not actions:
            problems.append("no CreateAction")
        mentioned = {m.id for m in as_list(root.get("mentions"))}
        for action in actions:
            where = action.id
            if action.id not in mentioned:
                problems.append(f"{where}: not in the root's mentions")
            instrument = action.get("instrument")
            if instrument is None or not (types(instrument) & INSTRUMENT_TYPES):
                problems.append(f"{where}: instrument is not a SoftwareApplication/SoftwareSourceCode/ComputationalWorkflow")
            for key in ("object", "result"):
                for item in as_list(action.get(key)):
                    if isinstance(item, str):
                        problems.append(f"{where}: {key} {item} is not an entity of the crate")
                        continue
                    if "File" in types(item):
                        # Reprise promises a digest for every file it knows one of (the profile leaves it optional).
                        if ours and not item.get("sha256"):
                            problems.append(f"{where}: {key} {item.id} has no sha256")
                        local = urllib.parse.unquote(item.id)
                        if not item.id.startswith("#") and not (pathlib.Path(work) / local).is_file():
                            problems.append(f"{where}: {key} {item.id} is not in the archive")
            status = action.get("actionStatus")
            status_id = status.id if hasattr(status, "id") else (status.get("@id") if isinstance(status, dict) else status)
            if status_id not in STATUSES:
                problems.append(f"{where}: actionStatus {status_id!r} is not a schema.org ActionStatusType")
            if status_id == "http://schema.org/FailedActionStatus" and not action.get("error"):
                problems.append(f"{where}: failed without error")
            if status_id == "http://schema.org/CompletedActionStatus" and not action.get("endTime"):
                problems.append(f"{where}: completed without endTime")
            if not action.get("startTime"):
                problems.append(f"{where}: no startTime")
            agent = action.get("agent")
            if agent is None or not (types(agent) & {"Person", "Organization"}):
                problems.append(f"{where}: agent is not a Person or Organization")
            image = action.get("containerImage")
            if image is not None and not isinstance(image, str) and "ContainerImage" not in types(image):
                problems.append(f"{where}: containerImage is not a ContainerImage")
            for item in as_list(action.get("object")):
                if not isinstance(item, str) and "PropertyValue" in types(item) and item.get("name") is None:
                    problems.append(f"{where}: PropertyValue {item.id} has no name")
        # runcrate reads crates through the same loader; its report walks every action.
        from runcrate.report import dump_crate_actions

        try:
            dump_crate_actions(work, f=io.StringIO())
        except Exception as error:  # noqa: BLE001 - any failure is a finding
            problems.append(f"runcrate report failed: {error!r}")
    return problems


def check_prov(path):
    problems = []
    document = ProvDocument.deserialize(source=str(path), format="json")
    records = list(document.get_records())
    kinds = {type(r).__name__ for r in records}
    for needed in ("ProvActivity", "ProvEntity", "ProvAgent", "ProvUsage", "ProvGeneration", "ProvAssociation"):
        if needed not in kinds:
            problems.append(f"no {needed}")
    return problems


def main():
    folder = pathlib.Path(sys.argv[1])
    found = {}
    for path in sorted(folder.glob("*.crate.zip")):
        found[path.name] = check_crate(path)
    for path in sorted(folder.glob("*.prov.json")):
        found[path.name] = check_prov(path)
    print(json.dumps(found))


if __name__ == "__main__":
    main()
