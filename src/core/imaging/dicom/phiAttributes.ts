/**
 * The identifying attributes (protected health information) of a DICOM data set: the attributes
 * the Basic Application Level Confidentiality Profile removes or replaces, PS3.15 Annex E
 * Table E.1-1. Only their keywords are ever reported, never their values.
 */
import type { DataSet } from 'dicom-parser';
import { readText } from './textValues';

/** [tag as dicom-parser writes it, keyword (PS3.6)], from PS3.15 Table E.1-1. */
export const PHI_ATTRIBUTES: readonly (readonly [tag: string, keyword: string])[] = [
  ['x00100010', 'PatientName'],
  ['x00100020', 'PatientID'],
  ['x00100021', 'IssuerOfPatientID'],
  ['x00100030', 'PatientBirthDate'],
  ['x00100032', 'PatientBirthTime'],
  ['x00100040', 'PatientSex'],
  ['x00101000', 'OtherPatientIDs'],
  ['x00101001', 'OtherPatientNames'],
  ['x00101002', 'OtherPatientIDsSequence'],
  ['x00101005', 'PatientBirthName'],
  ['x00101010', 'PatientAge'],
  ['x00101020', 'PatientSize'],
  ['x00101030', 'PatientWeight'],
  ['x00101040', 'PatientAddress'],
  ['x00101060', 'PatientMotherBirthName'],
  ['x00101080', 'MilitaryRank'],
  ['x00101081', 'BranchOfService'],
  ['x00101090', 'MedicalRecordLocator'],
  ['x00102150', 'CountryOfResidence'],
  ['x00102152', 'RegionOfResidence'],
  ['x00102154', 'PatientTelephoneNumbers'],
  ['x00102160', 'EthnicGroup'],
  ['x00102180', 'Occupation'],
  ['x001021b0', 'AdditionalPatientHistory'],
  ['x001021c0', 'PregnancyStatus'],
  ['x001021f0', 'PatientReligiousPreference'],
  ['x00102297', 'ResponsiblePerson'],
  ['x00104000', 'PatientComments'],
  ['x00080080', 'InstitutionName'],
  ['x00080081', 'InstitutionAddress'],
  ['x00080082', 'InstitutionCodeSequence'],
  ['x00081040', 'InstitutionalDepartmentName'],
  ['x00080090', 'ReferringPhysicianName'],
  ['x00080092', 'ReferringPhysicianAddress'],
  ['x00080094', 'ReferringPhysicianTelephoneNumbers'],
  ['x00081048', 'PhysiciansOfRecord'],
  ['x00081050', 'PerformingPhysicianName'],
  ['x00081060', 'NameOfPhysiciansReadingStudy'],
  ['x00081070', 'OperatorsName'],
  ['x00321032', 'RequestingPhysician'],
  ['x00080050', 'AccessionNumber'],
  ['x00080012', 'InstanceCreationDate'],
  ['x00080013', 'InstanceCreationTime'],
  ['x00080014', 'InstanceCreatorUID'],
  ['x00080020', 'StudyDate'],
  ['x00080021', 'SeriesDate'],
  ['x00080022', 'AcquisitionDate'],
  ['x00080023', 'ContentDate'],
  ['x0008002a', 'AcquisitionDateTime'],
  ['x00080030', 'StudyTime'],
  ['x00080031', 'SeriesTime'],
  ['x00080032', 'AcquisitionTime'],
  ['x00080033', 'ContentTime'],
  ['x00200010', 'StudyID'],
  ['x00181000', 'DeviceSerialNumber'],
  ['x00081010', 'StationName'],
  ['x0020000d', 'StudyInstanceUID'],
  ['x0020000e', 'SeriesInstanceUID'],
  ['x00080018', 'SOPInstanceUID'],
  ['x00200052', 'FrameOfReferenceUID'],
  ['x00204000', 'ImageComments'],
  ['x00401001', 'RequestedProcedureID'],
  ['x00400244', 'PerformedProcedureStepStartDate'],
  ['x00400245', 'PerformedProcedureStepStartTime'],
  ['x00400253', 'PerformedProcedureStepID'],
  ['x00400275', 'RequestAttributesSequence'],
  ['x00321060', 'RequestedProcedureDescription'],
  ['x00380010', 'AdmissionID'],
  ['x00380300', 'CurrentPatientLocation'],
];

/** Media Storage SOP Instance UID (0002,0003): identifies the instance, PS3.15 Table E.1-1. */
const META_PHI: readonly (readonly [tag: string, keyword: string])[] = [
  ['x00020003', 'MediaStorageSOPInstanceUID'],
];

function present(dataSet: DataSet, tag: string): boolean {
  const el = dataSet.elements[tag];
  if (el === undefined) return false;
  if (el.items !== undefined) return el.items.length > 0;
  return readText(dataSet, tag) !== undefined;
}

/**
 * Keywords of the identifying attributes present with a non-empty value, e.g. ['PatientName',
 * 'StudyDate']. Adds 'BurnedInAnnotation' when (0028,0301) is YES: the pixels themselves show
 * identifying text (PS3.3 C.7.6.1.1.7).
 */
export function findPhi(dataSet: DataSet, meta?: DataSet): string[] {
  const found = PHI_ATTRIBUTES.filter(([tag]) => present(dataSet, tag)).map(([, keyword]) => keyword);
  if (meta !== undefined) {
    for (const [tag, keyword] of META_PHI) if (present(meta, tag)) found.push(keyword);
  }
  if (readText(dataSet, 'x00280301')?.toUpperCase() === 'YES') found.push('BurnedInAnnotation');
  return found;
}
