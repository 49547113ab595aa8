/**
 * Word lists written for the tagger's gazetteer features (our own, not taken from any
 * annotated corpus). Countries, capitals and demonyms come from seed/gazetteers/countries.json
 * when it exists; FALLBACK_COUNTRIES covers the common ones otherwise.
 */

const words = (s: string) => s.trim().split(/\s*,\s*|\n/).filter(Boolean);

/** Head words of organization names. */
export const ORG_WORDS = words(`
Ministry, Party, Council, Commission, Committee, Congress, Parliament, Senate, Assembly, Court, Tribunal,
Agency, Authority, Bureau, Office, Department, Administration, Service, Services, Institute, Institution,
University, College, School, Academy, Foundation, Fund, Trust, Association, Federation, Union, League,
Organization, Organisation, Society, Club, United, City, Rovers, Athletic, Wanderers, Corporation, Company,
Group, Holdings, Bank, Bancorp, Airlines, Airways, Motors, Industries, Systems, Technologies, Communications,
Telecom, Petroleum, Oil, Energy, Electric, Pharmaceuticals, Insurance, Securities, Partners, Capital,
Investments, Exchange, Board, Police, Army, Navy, Force, Forces, Guard, Front, Movement, Alliance,
Coalition, Church, Hospital, Network, News, Times, Post, Journal, Herald, Telegraph, Tribune, Gazette,
Press, Radio, Television, Broadcasting, Records, Studios, Pictures, Team, Racing, Brigade, Cabinet,
Government, Secretariat, Reserve, Treasury, Centre, Center, Command, Corps, Regiment, Division,
Brotherhood, Legion, Mission, Program, Programme, Project, Council's, Chamber, Commerce, Stock, Market,
Newspaper, Magazine, Daily, Review, Weekly, Agency's, Media, Mobile, Software, Airlines, Railways, Steel,
Chemicals, Foods, Brewery, Mining, Resources, Ventures, Labs, Laboratories
`);

/** Legal-form suffixes that end company names. */
export const ORG_SUFFIXES = words(`
Inc, Inc., Corp, Corp., Co, Co., Ltd, Ltd., Plc, PLC, plc, LLC, LLP, AG, SA, S.A., NV, N.V., BV, GmbH, SpA,
AB, ASA, Oyj, Bhd, Pty, KK, Limited, Incorporated, Corporation
`);

/** Well-known organizations and their acronyms. */
export const ORG_NAMES = words(`
NATO, UN, U.N., United Nations, EU, European Union, European Commission, IMF, World Bank, OPEC, WTO, WHO,
UNESCO, UNICEF, UNHCR, OSCE, ASEAN, African Union, Arab League, G7, G8, G20, FIFA, UEFA, IOC, Interpol,
Red Cross, Greenpeace, Amnesty International, Human Rights Watch, Reuters, Associated Press, AP, AFP, BBC,
CNN, ABC, NBC, CBS, Fox News, Al Jazeera, TASS, RIA, Xinhua, Kremlin, Pentagon, White House, FBI, CIA, NSA,
KGB, FSB, NASA, Congress, Senate, Federal Reserve, Bundesbank, Bundestag, Duma, Knesset, Hamas, Hezbollah,
Taliban, al Qaeda, al-Qaeda, Islamic State, ISIS, ISIL, PLO, IRA, Google, Apple, Microsoft, Amazon, Facebook,
Twitter, Boeing, Airbus, Gazprom, Rosneft, Toyota, Volkswagen, Siemens, Sony, Samsung, IBM, Intel, General Motors,
Ford, Shell, BP, Exxon, Chevron, Nasdaq, Labour, Conservatives, Democrats, Republicans, Wikipedia, Wikinews
`);

/** Head words of place names. */
export const LOC_WORDS = words(`
River, Lake, Sea, Ocean, Gulf, Bay, Strait, Channel, Mountain, Mountains, Mount, Mt., Hill, Hills, Valley,
Island, Islands, Isle, Peninsula, Desert, Forest, Park, Street, St., Road, Avenue, Square, Bridge, Province,
Region, County, District, State, Territory, Republic, Kingdom, Coast, Beach, Canyon, Falls, Airport, Station,
Port, Harbour, Harbor, Heights, Plains, Basin, Delta, Cape, Highway, Boulevard, Village, Town, Township
`);

/** Words that precede personal names. */
export const TITLES = words(`
Mr, Mr., Mrs, Mrs., Ms, Ms., Dr, Dr., Prof, Prof., Sir, Dame, Lord, Lady, President, Vice, Prime, Minister,
Secretary, Senator, Sen., Rep., Representative, Governor, Gov., Mayor, Chancellor, King, Queen, Prince,
Princess, Pope, Cardinal, Archbishop, Bishop, Rabbi, Imam, Sheikh, General, Gen., Colonel, Col., Captain,
Lieutenant, Major, Admiral, Sergeant, Commander, Chairman, Chairwoman, Chief, Director, Ambassador, Envoy,
spokesman, spokeswoman, coach, striker, midfielder, defender, goalkeeper, manager, leader, judge, Judge,
Justice, Professor, Saint, Father, Brother, Sister, Emperor, Empress, Ayatollah, Premier, Deputy, Speaker
`);

/** Time words: capitalized, never entities in CoNLL-style annotation. */
export const TIME_WORDS = words(`
Monday, Tuesday, Wednesday, Thursday, Friday, Saturday, Sunday, January, February, March, April, May, June,
July, August, September, October, November, December, Jan, Feb, Mar, Apr, Jun, Jul, Aug, Sep, Sept, Oct,
Nov, Dec, Christmas, Easter, Ramadan
`);

/** Continents, regions and big cities that are not capitals. */
export const PLACES = words(`
Europe, Asia, Africa, America, North America, South America, Latin America, Central America, Antarctica,
Oceania, Australasia, Middle East, Far East, Near East, Balkans, Caucasus, Caribbean, Scandinavia, Baltic,
Mediterranean, Pacific, Atlantic, Arctic, Siberia, Gaza, West Bank, Kashmir, Crimea, Donbas, Chechnya,
Kosovo, Tibet, Xinjiang, Hong Kong, Macau, Taiwan, Sahara, Sahel, Persian Gulf, Gulf, Alps, Himalayas,
New York, Los Angeles, Chicago, Houston, Philadelphia, Boston, San Francisco, Seattle, Miami, Atlanta,
Dallas, Detroit, Denver, Las Vegas, New Orleans, Baltimore, Pittsburgh, Cleveland, St. Louis, Toronto,
Montreal, Vancouver, Sydney, Melbourne, Brisbane, Perth, Auckland, Shanghai, Guangzhou, Shenzhen, Mumbai,
Bombay, Calcutta, Kolkata, Chennai, Karachi, Lahore, Istanbul, Frankfurt, Munich, Hamburg, Cologne, Milan,
Naples, Turin, Barcelona, Seville, Valencia, Manchester, Liverpool, Birmingham, Glasgow, Edinburgh, Leeds,
Marseille, Lyon, Rotterdam, Geneva, Zurich, St Petersburg, St. Petersburg, Saint Petersburg, Johannesburg,
Cape Town, Rio de Janeiro, Sao Paulo, São Paulo, Casablanca, Alexandria, Aleppo, Basra, Mosul, Benghazi,
Jeddah, Mecca, Dubai, Osaka, Yokohama, Busan, Ho Chi Minh City, Saigon, Chittagong, Almaty, Odessa,
Kharkiv, Donetsk, Luhansk, Sevastopol, Novosibirsk, Yekaterinburg, Vladivostok, Jerusalem, Tel Aviv,
California, Texas, Florida, Ohio, Michigan, Illinois, Pennsylvania, Georgia, Virginia, Washington, Oregon,
Arizona, Nevada, Colorado, Utah, Alabama, Alaska, Hawaii, Louisiana, Kentucky, Tennessee, Missouri,
Minnesota, Wisconsin, Iowa, Kansas, Nebraska, Oklahoma, Arkansas, Mississippi, Indiana, Maryland, Delaware,
New Jersey, Connecticut, Massachusetts, Vermont, Maine, New Hampshire, Rhode Island, North Carolina,
South Carolina, North Dakota, South Dakota, Montana, Idaho, Wyoming, New Mexico, West Virginia, Quebec,
Ontario, Alberta, British Columbia, Bavaria, Scotland, Wales, England, Northern Ireland, Catalonia,
Queensland, Victoria, Punjab, Bengal, Kurdistan, Chechnya, Dagestan, Silicon Valley, Wall Street
`);

/** name | capital | demonyms (semicolon-separated) | other names (semicolon-separated). */
export const FALLBACK_COUNTRIES = `
Afghanistan|Kabul|Afghan|
Albania|Tirana|Albanian|
Algeria|Algiers|Algerian|
Angola|Luanda|Angolan|
Argentina|Buenos Aires|Argentine;Argentinian|
Armenia|Yerevan|Armenian|
Australia|Canberra|Australian|
Austria|Vienna|Austrian|
Azerbaijan|Baku|Azerbaijani;Azeri|
Bahrain|Manama|Bahraini|
Bangladesh|Dhaka|Bangladeshi|
Belarus|Minsk|Belarusian|Belorussia
Belgium|Brussels|Belgian|
Bolivia|La Paz|Bolivian|
Bosnia and Herzegovina|Sarajevo|Bosnian|Bosnia
Brazil|Brasilia|Brazilian|
Bulgaria|Sofia|Bulgarian|
Cambodia|Phnom Penh|Cambodian|
Cameroon|Yaounde|Cameroonian|
Canada|Ottawa|Canadian|
Chile|Santiago|Chilean|
China|Beijing|Chinese|People's Republic of China;PRC
Colombia|Bogota|Colombian|
Congo|Kinshasa|Congolese|Democratic Republic of the Congo;DRC;Zaire
Croatia|Zagreb|Croatian;Croat|
Cuba|Havana|Cuban|
Cyprus|Nicosia|Cypriot|
Czech Republic|Prague|Czech|Czechia
Denmark|Copenhagen|Danish;Dane|
Ecuador|Quito|Ecuadorian|
Egypt|Cairo|Egyptian|
Estonia|Tallinn|Estonian|
Ethiopia|Addis Ababa|Ethiopian|
Finland|Helsinki|Finnish;Finn|
France|Paris|French|
Georgia|Tbilisi|Georgian|
Germany|Berlin|German|
Ghana|Accra|Ghanaian|
Greece|Athens|Greek|
Hungary|Budapest|Hungarian|
Iceland|Reykjavik|Icelandic|
India|New Delhi|Indian|
Indonesia|Jakarta|Indonesian|
Iran|Tehran|Iranian|
Iraq|Baghdad|Iraqi|
Ireland|Dublin|Irish|
Israel|Jerusalem|Israeli|
Italy|Rome|Italian|
Japan|Tokyo|Japanese|
Jordan|Amman|Jordanian|
Kazakhstan|Astana|Kazakh|
Kenya|Nairobi|Kenyan|
Kuwait|Kuwait City|Kuwaiti|
Kyrgyzstan|Bishkek|Kyrgyz|
Latvia|Riga|Latvian|
Lebanon|Beirut|Lebanese|
Libya|Tripoli|Libyan|
Lithuania|Vilnius|Lithuanian|
Luxembourg|Luxembourg|Luxembourger|
Malaysia|Kuala Lumpur|Malaysian|
Mexico|Mexico City|Mexican|
Moldova|Chisinau|Moldovan|
Mongolia|Ulaanbaatar|Mongolian|
Morocco|Rabat|Moroccan|
Myanmar|Naypyidaw|Burmese|Burma
Nepal|Kathmandu|Nepalese;Nepali|
Netherlands|Amsterdam|Dutch|Holland
New Zealand|Wellington|New Zealander|
Nigeria|Abuja|Nigerian|
North Korea|Pyongyang|North Korean|
Norway|Oslo|Norwegian|
Oman|Muscat|Omani|
Pakistan|Islamabad|Pakistani|
Palestine|Ramallah|Palestinian|
Panama|Panama City|Panamanian|
Paraguay|Asuncion|Paraguayan|
Peru|Lima|Peruvian|
Philippines|Manila|Filipino;Philippine|
Poland|Warsaw|Polish;Pole|
Portugal|Lisbon|Portuguese|
Qatar|Doha|Qatari|
Romania|Bucharest|Romanian|
Russia|Moscow|Russian|Russian Federation
Rwanda|Kigali|Rwandan|
Saudi Arabia|Riyadh|Saudi|
Serbia|Belgrade|Serbian;Serb|Yugoslavia
Singapore|Singapore|Singaporean|
Slovakia|Bratislava|Slovak|
Slovenia|Ljubljana|Slovenian;Slovene|
Somalia|Mogadishu|Somali|
South Africa|Pretoria|South African|
South Korea|Seoul|South Korean;Korean|Korea
Spain|Madrid|Spanish;Spaniard|
Sri Lanka|Colombo|Sri Lankan|
Sudan|Khartoum|Sudanese|
Sweden|Stockholm|Swedish;Swede|
Switzerland|Bern|Swiss|
Syria|Damascus|Syrian|
Taiwan|Taipei|Taiwanese|
Tajikistan|Dushanbe|Tajik|
Tanzania|Dodoma|Tanzanian|
Thailand|Bangkok|Thai|
Tunisia|Tunis|Tunisian|
Turkey|Ankara|Turkish;Turk|Türkiye
Turkmenistan|Ashgabat|Turkmen|
Uganda|Kampala|Ugandan|
Ukraine|Kyiv|Ukrainian|Kiev
United Arab Emirates|Abu Dhabi|Emirati|UAE
United Kingdom|London|British;Briton|UK;U.K.;Britain;Great Britain
United States|Washington|American|US;U.S.;USA;U.S.A.;America;United States of America
Uruguay|Montevideo|Uruguayan|
Uzbekistan|Tashkent|Uzbek|
Venezuela|Caracas|Venezuelan|
Vietnam|Hanoi|Vietnamese|
Yemen|Sanaa|Yemeni|
Zambia|Lusaka|Zambian|
Zimbabwe|Harare|Zimbabwean|
`;
