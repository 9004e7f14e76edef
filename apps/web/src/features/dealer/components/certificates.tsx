import { useState } from 'react';
import { Input, Progress } from 'antd';
import {
  CERTIFICATE_NO_PATTERN,
  normalizeIdentifier,
  todayInShanghai,
  validatePlate,
  validateResidentId,
  validateVin,
} from '@huanxin/shared';
import { useForm, type FieldPath } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { fieldErrorKeys, Form, FormAlert, FormField, SubmitButton } from '@/components/ui/form';
import { useCertificates, useCreateCertificate, type CertificateView } from '../api/certificates';
import { pastDate, saleRules } from '../lib/sale-rules';
import { RecordList } from './record-list';

/** Largest scan the page sends (a phone photo or a PDF). */
export const SCAN_MAX_BYTES = 10 * 1024 * 1024;
/** What the server accepts (it sniffs the bytes too); OFD files often come without a MIME type. */
const SCAN_NAME = /\.(pdf|jpe?g|png|ofd)$/i;

export interface CertificateValues {
  certificateNo: string;
  vin: string;
  plate: string;
  ownerName: string;
  ownerIdNumber: string;
  handedOverOn: string;
  deregisteredOn: string;
  scan: File | null;
}

const blank: CertificateValues = {
  certificateNo: '',
  vin: '',
  plate: '',
  ownerName: '',
  ownerIdNumber: '',
  handedOverOn: '',
  deregisteredOn: '',
  scan: null,
};

const checked =
  (check: (value: string) => { ok: boolean; errors: string[] }) =>
  (value: string): true | string => {
    const r = check(value);
    return r.ok || (r.errors[0] ?? 'INVALID_FORMAT');
  };

export const certificateRules = {
  certificateNo: (value: string): true | string => {
    const v = normalizeIdentifier(value);
    if (v === '') return 'REQUIRED';
    return CERTIFICATE_NO_PATTERN.test(v) || 'INVALID_FORMAT';
  },
  // A scrapped car's VIN: a wrong check digit is still accepted (old cars), as the server does.
  vin: checked((value) => validateVin(value, { context: 'old' })),
  plate: checked(validatePlate),
  ownerName: saleRules.buyerName,
  ownerIdNumber: checked((value) => validateResidentId(value)),
  handedOverOn: pastDate(),
  deregisteredOn: (value: string): true | string => (value === '' ? true : pastDate()(value)),
  scan: (file: File | null): true | string => {
    if (!file) return 'REQUIRED';
    if (!SCAN_NAME.test(file.name)) return 'UNSUPPORTED_MEDIA_TYPE';
    return file.size <= SCAN_MAX_BYTES || 'FILE_TOO_LARGE';
  },
};

const TEXT_FIELDS = ['certificateNo', 'vin', 'plate', 'ownerName', 'ownerIdNumber'] as const;

/** Dismantlers: a 《报废机动车回收证明》 with its scan, and the certificates on file. */
export function Certificates({ writable }: { writable: boolean }) {
  const { t } = useTranslation('dealer');
  const list = useCertificates();
  const create = useCreateCertificate();
  const [serverError, setServerError] = useState<unknown>(null);
  const [percent, setPercent] = useState<number | null>(null);
  const form = useForm<CertificateValues>({ mode: 'onChange', defaultValues: blank });
  const message = (field: string) => (code: string) =>
    t(fieldErrorKeys(code, `dealer:errors.${field}.${code}`));

  const onSubmit = async (values: CertificateValues) => {
    setServerError(null);
    setPercent(0);
    try {
      await create.mutateAsync({
        fields: {
          certificateNo: values.certificateNo.trim(),
          vin: validateVin(values.vin, { context: 'old' }).value,
          plate: validatePlate(values.plate).value,
          ownerName: values.ownerName.trim(),
          ownerIdNumber: validateResidentId(values.ownerIdNumber).value,
          handedOverOn: values.handedOverOn,
          ...(values.deregisteredOn ? { deregisteredOn: values.deregisteredOn } : {}),
        },
        scan: values.scan!,
        onProgress: setPercent,
      });
      form.reset(blank);
    } catch (error) {
      setServerError(error);
    } finally {
      setPercent(null);
      create.reset();
    }
  };

  const date = (name: 'handedOverOn' | 'deregisteredOn') => (
    <FormField<CertificateValues, typeof name>
      name={name}
      label={t(`certificates.fields.${name}`)}
      rules={{ validate: certificateRules[name] }}
      errorMessage={message(name)}
    >
      {({ textInputProps }) => <Input {...textInputProps} type="date" max={todayInShanghai()} />}
    </FormField>
  );

  return (
    <>
      <RecordList<CertificateView>
        id="dealer-certificates-title"
        title={t('certificates.title')}
        empty={t('certificates.empty')}
        list={list}
        columns={[
          { title: t('certificates.fields.certificateNo'), dataIndex: 'certificateNo' },
          {
            title: t('certificates.fields.vin'),
            render: (_, c) => (
              <>
                {c.vin}
                <div className="hx-note">{c.plate}</div>
              </>
            ),
          },
          { title: t('certificates.fields.handedOverOn'), dataIndex: 'handedOverOn' },
          {
            title: t('certificates.fields.ownerName'),
            render: (_, c) => c.ownerNameMasked,
          },
        ]}
      />
      {writable ? (
        <Form
          form={form}
          onSubmit={onSubmit}
          pending={create.isPending}
          serverError={serverError}
          serverFieldName={(key) =>
            (key === 'file' ? 'scan' : key in blank ? key : undefined) as
              FieldPath<CertificateValues> | undefined
          }
          serverCodeField={{
            DUPLICATE_CERTIFICATE: 'certificateNo',
            FILE_TOO_LARGE: 'scan',
            PAYLOAD_TOO_LARGE: 'scan',
            UNSUPPORTED_MEDIA_TYPE: 'scan',
          }}
          aria-labelledby="dealer-certificate-add"
          className="hx-profile-form"
        >
          <h3 id="dealer-certificate-add">{t('certificates.add')}</h3>
          {TEXT_FIELDS.map((name) => (
            <FormField<CertificateValues, typeof name>
              key={name}
              name={name}
              label={t(`certificates.fields.${name}`)}
              rules={{ validate: certificateRules[name] }}
              errorMessage={message(name)}
            >
              {({ textInputProps }) => (
                <Input {...textInputProps} maxLength={40} autoComplete="off" spellCheck={false} />
              )}
            </FormField>
          ))}
          {date('handedOverOn')}
          {date('deregisteredOn')}
          <FormField<CertificateValues, 'scan'>
            name="scan"
            label={t('certificates.fields.scan')}
            help={t('certificates.scanHelp')}
            rules={{ validate: certificateRules.scan }}
            errorMessage={message('scan')}
          >
            {({ field, inputProps }) => (
              <input
                {...inputProps}
                ref={field.ref}
                name={field.name}
                type="file"
                accept=".pdf,.jpg,.jpeg,.png,.ofd,application/pdf,image/jpeg,image/png"
                onBlur={field.onBlur}
                onChange={(e) => field.onChange(e.target.files?.[0] ?? null)}
              />
            )}
          </FormField>
          {percent !== null ? <Progress percent={percent} aria-label={t('import.uploading')} /> : null}
          <FormAlert />
          <div className="hx-form-actions">
            <SubmitButton data-testid="certificate-submit">{t('certificates.submit')}</SubmitButton>
          </div>
        </Form>
      ) : null}
    </>
  );
}
