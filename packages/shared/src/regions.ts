/**
 * Zhangqiu District's streets (街道) and towns (镇): the `street` of a resident's profile is one of
 * these codes. Names from the district's administrative division (15 streets, 3 towns).
 */
export const ZHANGQIU_STREETS = [
  { code: 'mingshui', zh: '明水街道', en: 'Mingshui Subdistrict' },
  { code: 'shuangshan', zh: '双山街道', en: 'Shuangshan Subdistrict' },
  { code: 'zaoyuan', zh: '枣园街道', en: 'Zaoyuan Subdistrict' },
  { code: 'longshan', zh: '龙山街道', en: 'Longshan Subdistrict' },
  { code: 'bucun', zh: '埠村街道', en: 'Bucun Subdistrict' },
  { code: 'shengjing', zh: '圣井街道', en: 'Shengjing Subdistrict' },
  { code: 'puji', zh: '普集街道', en: 'Puji Subdistrict' },
  { code: 'xiuhui', zh: '绣惠街道', en: 'Xiuhui Subdistrict' },
  { code: 'xianggongzhuang', zh: '相公庄街道', en: 'Xianggongzhuang Subdistrict' },
  { code: 'wenzu', zh: '文祖街道', en: 'Wenzu Subdistrict' },
  { code: 'guanzhuang', zh: '官庄街道', en: 'Guanzhuang Subdistrict' },
  { code: 'gaoguanzhai', zh: '高官寨街道', en: 'Gaoguanzhai Subdistrict' },
  { code: 'baiyunhu', zh: '白云湖街道', en: 'Baiyunhu Subdistrict' },
  { code: 'ningjiabu', zh: '宁家埠街道', en: 'Ningjiabu Subdistrict' },
  { code: 'caofan', zh: '曹范街道', en: 'Caofan Subdistrict' },
  { code: 'diaozhen', zh: '刁镇', en: 'Diaozhen Town' },
  { code: 'duozhuang', zh: '垛庄镇', en: 'Duozhuang Town' },
  { code: 'huanghe', zh: '黄河镇', en: 'Huanghe Town' },
] as const;

export type ZhangqiuStreet = (typeof ZHANGQIU_STREETS)[number]['code'];
export const ZHANGQIU_STREET_CODES: readonly string[] = ZHANGQIU_STREETS.map((street) => street.code);
